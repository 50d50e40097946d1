import { type GenericSchema, type InferOutput, safeParse } from "valibot";
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

/** Whether `A` and `B` are the same type: each assignable to the other, with the same keys at every level. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;
type SameFields<A, B> = { [K in keyof A & keyof B]: Same<NonNullable<A[K]>, NonNullable<B[K]>> }[keyof A &
  keyof B];
type SameKeys<A, B> = A extends readonly (infer EA)[]
  ? B extends readonly (infer EB)[]
    ? Same<EA, EB>
    : false
  : A extends object
    ? B extends object
      ? [keyof A] extends [keyof B]
        ? [keyof B] extends [keyof A]
          ? false extends SameFields<A, B>
            ? false
            : true
          : false
        : false
      : false
    : true;

/**
 * Ties a response schema to the type it checks: `responseSchema<UserSummary>()(object({...}))`
 * compiles only when the schema's output is exactly `T`, no field more or less, none optional
 * where `T` requires it. The type stays a written interface (declarations are emitted
 * without inference, and TSDoc lives there); the compiler keeps the two one truth.
 * Fields neither names pass through: {@link checkResponse} returns the response itself.
 */
export function responseSchema<T>(): <S extends GenericSchema<unknown, T>>(
  schema: S & (Same<InferOutput<S>, T> extends true ? unknown : { "schema and type differ": InferOutput<S> }),
) => GenericSchema<unknown, T> {
  return (schema) => schema;
}
