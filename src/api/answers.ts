// Schemas several resources share. Apart from schema.ts, which every request
// uses: a module-level schema is built at import, so a bundle carries it
// (and what valibot needs for it) only when a resource it uses imports it.
import { boolean, type GenericSchema, literal, object, union } from "valibot";

/** The answer of endpoints that answer `{}` on success. */
export type EmptyAnswer = Record<string, never>;

/** Checks an answer that should be a JSON object with nothing the library reads: `{}`. */
export const emptyAnswerSchema: GenericSchema<unknown, EmptyAnswer> = object({}) as GenericSchema<
  unknown,
  EmptyAnswer
>;

/**
 * A flag as Synapse answers it: a boolean, or 1 and 0 where it passes an
 * SQLite column on without converting it (Synapse on PostgreSQL answers booleans).
 */
export type Flag = boolean | 0 | 1;

/** Checks a {@link Flag}. */
export const flagSchema: GenericSchema<unknown, Flag> = union([boolean(), literal(0), literal(1)]);
