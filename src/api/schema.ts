import { type GenericSchema, safeParse } from "valibot";
import { InvalidResponseError, type RequestDescription } from "./errors.ts";

/**
 * Checks a response against the fields the code relies on and returns the
 * response itself, not the parser's copy: key order and unknown fields stay
 * exactly as the server sent them, so printed documents match the server's.
 */
export function checkResponse<T>(
  schema: GenericSchema<unknown, T>,
  value: unknown,
  request: RequestDescription,
  status: number,
): T {
  const result = safeParse(schema, value);
  if (result.success) return value as T;
  const issue = result.issues[0];
  const where = issue.path?.map((item) => String(item.key)).join(".") || "(root)";
  throw new InvalidResponseError(request, status, `field ${where}: ${issue.message}`);
}
