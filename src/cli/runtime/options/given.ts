/** The values with their undefined ones left out. */
export type Given<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/**
 * The options that were given (or have a default), for passing to a library
 * call whose parameters are named like them: an option not given is no
 * parameter at all, as the library's optional parameters want.
 */
export function givenOnly<T extends Record<string, unknown>>(values: T): Given<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Given<T>;
}
