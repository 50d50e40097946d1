/** The values of `T`, each optional and never `undefined`, as the library's parameter objects take them. */
export type DefinedOnly<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * A copy of `values` without the keys whose value is `undefined`: options not
 * given, passed on to a library call whose parameters are named like them.
 */
export function definedOnly<T extends object>(values: T): DefinedOnly<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined),
  ) as DefinedOnly<T>;
}
