import type { UserUpdate } from "../../../api/resources/users.ts";

/**
 * The fields of a Synapse user change that MAS keeps when the server delegates
 * auth to it. The admin flag is MAS's, and Synapse's own is set to match too.
 */
export const MAS_FIELDS: readonly string[] = ["password", "logout_devices", "admin", "deactivated", "locked"];

/** The fields of {@link MAS_FIELDS} that Synapse is told as well. */
export const MIRRORED_FIELDS: readonly string[] = ["admin"];

/** Whether a change holds a field MAS keeps (`logout_devices` alone goes with a password only). */
export function touchesMas(update: UserUpdate): boolean {
  return MAS_FIELDS.some((field) => field !== "logout_devices" && field in update);
}
