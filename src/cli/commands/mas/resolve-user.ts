import type { MasAdmin } from "../../../api/mas-admin.ts";

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * MAS's ID of the user the admin named: a MAS ID (ULID) as it is; a username,
 * or a Matrix ID whose localpart is one, looked up (`users/by-username`).
 */
export async function masUserId(mas: MasAdmin, user: string): Promise<string> {
  if (ULID.test(user)) return user;
  const username = user.startsWith("@")
    ? user.slice(1, user.includes(":") ? user.indexOf(":") : undefined)
    : user;
  return (await mas.users.getByUsername(username)).data.id;
}
