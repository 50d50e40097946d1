import type { ApiPrefix, HttpMethod } from "../../../api/http-client.ts";
import type { CommandContext } from "../context.ts";
import { type DocumentResult, document } from "../output/result.ts";
import { readRequestBody } from "./body.ts";

interface RawOptions {
  readonly method: "get" | "post" | "put" | "delete";
  readonly data: string | undefined;
  readonly dataFile: string | undefined;
  readonly dryRun: boolean;
}

/**
 * Sends a raw request and returns the answer to print. The body is read and
 * checked first, so bad JSON never reaches the server; `accessToken` is asked
 * for only after that, so a typo does not cost a prompt.
 */
export async function sendRawRequest(
  context: CommandContext,
  prefix: ApiPrefix,
  endpoint: string,
  options: RawOptions,
  accessToken: () => Promise<string | undefined> = async () => undefined,
): Promise<DocumentResult | undefined> {
  const body = await readRequestBody(context, options.method, options);
  const token = await accessToken();
  context.prompt.close();
  const admin = await context.admin();
  const method = options.method.toUpperCase() as HttpMethod;
  if (options.dryRun) {
    const url = admin.http.url(prefix, endpoint);
    const withBody = body === undefined ? "" : ` with body ${JSON.stringify(body)}`;
    context.note(`Would send ${method} ${url.pathname}${url.search}${withBody}`);
    return undefined;
  }
  return document(
    await admin.request({ method, prefix, path: endpoint, body, ...(token ? { accessToken: token } : {}) }),
  );
}
