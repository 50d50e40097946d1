import { InvalidInputError } from "./errors.ts";

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

/**
 * Throws {@link InvalidInputError} when an endpoint path has a segment that
 * URL parsing would remove: empty, `.` or `..` (also written `%2E`). Such a
 * segment comes from an ID that is empty, `.` or `..`, and would send the
 * request to another endpoint (`DELETE /v1/registration_tokens/..` becomes
 * `DELETE /v1/`), so the client refuses it before any request.
 */
export function checkPathSegments(endpoint: string): void {
  const pathPart = endpoint.split(/[?#]/, 1)[0]!;
  const segments = pathPart.replace(/^\/+/, "").split("/");
  for (const segment of segments) {
    if (segment === "" || /^(?:\.|%2e){1,2}$/i.test(segment)) {
      const shown = segment === "" ? "an empty one" : `"${segment}"`;
      throw new InvalidInputError(
        `invalid path ${pathPart}: it has ${shown} as a segment; an ID cannot be empty, "." or ".."`,
      );
    }
  }
}

/** Joins a base URL, an API prefix and an endpoint, tolerating stray slashes on each. */
export function joinUrl(baseUrl: string, prefix: string, endpoint: string): string {
  const parts = [baseUrl.replace(/\/+$/, ""), trimSlashes(prefix), endpoint.replace(/^\/+/, "")];
  return parts.filter((part) => part !== "").join("/");
}

function trimSlashes(value: string): string {
  return value.replace(/^\/+|\/+$/g, "");
}
