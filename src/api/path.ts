/**
 * Percent-encodes one path segment completely. Matrix IDs carry `@ : ! # $ /`
 * and historical localparts may carry more; `encodeURIComponent` leaves
 * `! ' ( ) *` alone, which some proxies treat specially, so those go too.
 */
export function encodePathSegment(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * Template tag for endpoint paths: every interpolated value is encoded as one
 * segment, the literal parts are kept as written.
 *
 * @example path`/v2/users/${"@alice:example.org"}` === "/v2/users/%40alice%3Aexample.org"
 */
export function path(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let result = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    result += encodePathSegment(String(values[i])) + (strings[i + 1] ?? "");
  }
  return result;
}

/** Joins a base URL, an API prefix and an endpoint, tolerating stray slashes on each. */
export function joinUrl(baseUrl: string, prefix: string, endpoint: string): string {
  const parts = [baseUrl.replace(/\/+$/, ""), trimSlashes(prefix), endpoint.replace(/^\/+/, "")];
  return parts.filter((part) => part !== "").join("/");
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, "");
}
