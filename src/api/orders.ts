// The sort orders of the admin list endpoints. Kept free of imports: the CLI's
// command declarations, loaded on every run, use them for their choices.

/** Sort orders of the user list (`GET /_synapse/admin/v2/users?order_by=`). */
export const USER_ORDERS = [
  "name",
  "is_guest",
  "admin",
  "user_type",
  "deactivated",
  "shadow_banned",
  "displayname",
  "avatar_url",
  "creation_ts",
  "last_seen_ts",
] as const;
/** A sort order of the user list: one of {@link USER_ORDERS}. */
export type UserOrder = (typeof USER_ORDERS)[number];

/** Sort orders of media lists (`GET /_synapse/admin/v1/users/<user_id>/media?order_by=`). */
export const MEDIA_ORDERS = [
  "media_id",
  "upload_name",
  "created_ts",
  "last_access_ts",
  "media_length",
  "media_type",
  "quarantined_by",
  "safe_from_quarantine",
] as const;
/** A sort order of media lists: one of {@link MEDIA_ORDERS}. */
export type MediaOrder = (typeof MEDIA_ORDERS)[number];

/** Sort orders of the room list (`GET /_synapse/admin/v1/rooms?order_by=`). */
export const ROOM_ORDERS = [
  "name",
  "canonical_alias",
  "joined_members",
  "joined_local_members",
  "version",
  "creator",
  "encryption",
  "federatable",
  "public",
  "join_rules",
  "guest_access",
  "history_visibility",
  "state_events",
] as const;
/** A sort order of the room list: one of {@link ROOM_ORDERS}. */
export type RoomOrder = (typeof ROOM_ORDERS)[number];
