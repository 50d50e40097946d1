import { NotFoundError } from "../../api/errors.ts";
import type { UserId } from "../../api/ids.ts";
import type { SynapseAdmin } from "../../api/synapse-admin.ts";

/**
 * Why a user chosen as active is no longer (deactivated or gone since it was
 * chosen), or `undefined` while it still is: the check a bulk run repeats right
 * before acting on each user.
 */
export async function noLongerActive(
  admin: SynapseAdmin,
  userId: string,
  signal: AbortSignal,
): Promise<string | undefined> {
  try {
    const user = await admin.users.get(userId as UserId, { signal });
    return user.deactivated ? "deactivated since it was chosen" : undefined;
  } catch (error) {
    if (error instanceof NotFoundError) return "no longer exists";
    throw error;
  }
}
