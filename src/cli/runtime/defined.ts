/** `T` without its `undefined` values: what a library's optional parameters accept. */
export type Defined<T> = { -readonly [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * The fields of `values` that are given (not `undefined`): options named as
 * the library names its parameters, handed on in one piece.
 */
export function definedFields<T extends object>(values: T): Defined<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Defined<T>;
}
