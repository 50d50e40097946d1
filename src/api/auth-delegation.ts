import { exactOptional, object, string } from "valibot";
import { ApiError, NotFoundError } from "./errors.ts";
import type { HttpClient, RequestOptions } from "./http-client.ts";
import { responseSchema } from "./schema.ts";

/**
 * Whether the homeserver delegates authentication to an OAuth 2.0 server
 * (the Matrix Authentication Service, MAS), and to which.
 */
export type AuthDelegation =
  | { readonly delegated: false }
  | {
      readonly delegated: true;
      /** The authorization server's issuer URL (MAS's public base). */
      readonly issuer: string;
      /** The issuer's metadata as the homeserver serves it (token endpoint, ...). */
      readonly metadata: Readonly<Record<string, unknown>>;
    };

// The authorization server's metadata (RFC 8414); one without an `issuer` names no
// server to delegate to. The rest is the server's own and passes on as it came.
const authMetadataSchema = responseSchema<{ issuer?: string }>()(object({ issuer: exactOptional(string()) }));

/** The stable endpoint first; the MSC2965 one is what Synapse served before the stable name existed. */
const METADATA_PATHS = ["/client/v1/auth_metadata", "/client/unstable/org.matrix.msc2965/auth_metadata"];

/**
 * Asks the homeserver whether it delegates authentication, without a token:
 * `GET /_matrix/client/v1/auth_metadata`, and on 404 the unstable
 * `GET /_matrix/client/unstable/org.matrix.msc2965/auth_metadata`. A server that
 * serves neither (404) does not delegate. Any other failure is thrown, so that
 * a passing outage is not mistaken for an answer.
 */
export async function discoverAuthDelegation(
  http: HttpClient,
  options: RequestOptions = {},
): Promise<AuthDelegation> {
  for (const path of METADATA_PATHS) {
    let metadata: { issuer?: string };
    try {
      metadata = await http.request({
        ...options,
        method: "GET",
        prefix: "matrix",
        path,
        accessToken: null,
        schema: authMetadataSchema,
      });
    } catch (error) {
      // Synapse without MAS does not register the servlet (M_UNRECOGNIZED), or says it is not configured.
      if (error instanceof NotFoundError || (error instanceof ApiError && error.status === 405)) continue;
      throw error;
    }
    if (metadata.issuer)
      return { delegated: true, issuer: metadata.issuer, metadata: metadata as Record<string, unknown> };
  }
  return { delegated: false };
}
