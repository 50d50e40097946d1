import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SynapseAdmin } from "../../../src/api/synapse-admin.ts";

// Every endpoint documented in ../shared/reference/synapse-admin-api/, written
// by hand from the docs, with the library method that calls it.
const ENDPOINTS: ReadonlyArray<readonly [string, string, string]> = [
  ["GET /v1/server_version", "version", "get"],
  // user_admin_api.md
  ["GET /v2/users/<user_id>", "users", "get"],
  ["PUT /v2/users/<user_id>", "users", "createOrModify"],
  ["GET /v2/users", "users", "listPage"],
  ["GET /v3/users", "users", "listPageV3"],
  ["GET /v1/whois/<user_id>", "users", "whois"],
  ["GET /_matrix/client/r0/admin/whois/<userId>", "users", "whois"],
  ["POST /v1/deactivate/<user_id>", "users", "deactivate"],
  ["PUT /v1/suspend/<user_id>", "users", "setSuspended"],
  ["POST /v1/reset_password/<user_id>", "users", "resetPassword"],
  ["GET /v1/users/<user_id>/admin", "users", "isAdmin"],
  ["PUT /v1/users/<user_id>/admin", "users", "setAdmin"],
  ["GET /v1/users/<user_id>/memberships", "users", "memberships"],
  ["GET /v1/users/<user_id>/joined_rooms", "users", "joinedRooms"],
  ["GET /v1/users/<user_id>/sent_invite_count", "users", "sentInviteCount"],
  ["GET /v1/users/<user_id>/cumulative_joined_room_count", "users", "cumulativeJoinedRoomCount"],
  ["GET /v1/users/<user_id>/accountdata", "users", "accountData"],
  ["GET /v1/users/<user_id>/media", "users", "mediaPage"],
  ["DELETE /v1/users/<user_id>/media", "users", "deleteMedia"],
  ["POST /v1/users/<user_id>/login", "users", "loginAs"],
  [
    "POST /v1/users/<user_id>/_allow_cross_signing_replacement_without_uia",
    "users",
    "allowCrossSigningReplacement",
  ],
  ["GET /v2/users/<user_id>/devices", "users", "devices"],
  ["POST /v2/users/<user_id>/devices", "users", "createDevice"],
  ["POST /v2/users/<user_id>/delete_devices", "users", "deleteDevices"],
  ["GET /v2/users/<user_id>/devices/<device_id>", "users", "device"],
  ["PUT /v2/users/<user_id>/devices/<device_id>", "users", "renameDevice"],
  ["DELETE /v2/users/<user_id>/devices/<device_id>", "users", "deleteDevice"],
  ["GET /v1/users/<user_id>/pushers", "users", "pushers"],
  ["POST /v1/users/<user_id>/shadow_ban", "users", "shadowBan"],
  ["DELETE /v1/users/<user_id>/shadow_ban", "users", "unshadowBan"],
  ["GET /v1/users/<user_id>/override_ratelimit", "users", "rateLimit"],
  ["POST /v1/users/<user_id>/override_ratelimit", "users", "setRateLimit"],
  ["DELETE /v1/users/<user_id>/override_ratelimit", "users", "deleteRateLimit"],
  ["GET /v1/username_available", "users", "usernameAvailable"],
  ["GET /v1/auth_providers/<provider>/users/<external_id>", "users", "findByAuthProvider"],
  ["GET /v1/threepid/<medium>/users/<address>", "users", "findByThreepid"],
  ["POST /v1/user/<user_id>/redact", "users", "redact"],
  ["GET /v1/user/redact_status/<redact_id>", "users", "redactStatus"],
  // register_api.md, account_validity.md
  ["GET /v1/register", "register", "register"],
  ["POST /v1/register", "register", "register"],
  ["POST /v1/account_validity/validity", "accountValidity", "renew"],
  // rooms.md, room_membership.md
  ["GET /v1/rooms", "rooms", "listPage"],
  ["GET /v1/rooms/<room_id>", "rooms", "get"],
  ["GET /v1/rooms/<room_id>/members", "rooms", "members"],
  ["GET /v1/rooms/<room_id>/state", "rooms", "state"],
  ["GET /v1/rooms/<room_id>/messages", "rooms", "messages"],
  ["GET /v1/rooms/<room_id>/timestamp_to_event", "rooms", "timestampToEvent"],
  ["PUT /v1/rooms/<room_id>/block", "rooms", "setBlocked"],
  ["GET /v1/rooms/<room_id>/block", "rooms", "blockStatus"],
  ["DELETE /v1/rooms/<room_id>", "rooms", "deleteNow"],
  ["DELETE /v2/rooms/<room_id>", "rooms", "delete"],
  ["GET /v2/rooms/<room_id>/delete_status", "rooms", "deleteStatusOfRoom"],
  ["GET /v2/rooms/delete_status/<delete_id>", "rooms", "deleteStatus"],
  ["POST /v1/rooms/<room_id_or_alias>/make_room_admin", "rooms", "makeAdmin"],
  ["GET /v1/rooms/<room_id_or_alias>/forward_extremities", "rooms", "forwardExtremities"],
  ["DELETE /v1/rooms/<room_id_or_alias>/forward_extremities", "rooms", "deleteForwardExtremities"],
  ["GET /v1/rooms/<room_id>/context/<event_id>", "rooms", "eventContext"],
  ["GET /v1/rooms/<room_id>/hierarchy", "rooms", "hierarchy"],
  ["POST /v1/join/<room_id_or_alias>", "rooms", "join"],
  // media_admin_api.md
  ["GET /v1/room/<room_id>/media", "rooms", "media"],
  ["POST /v1/room/<room_id>/media/quarantine", "rooms", "quarantineMedia"],
  ["GET /v1/media/<origin>/<media_id>", "media", "info"],
  ["POST /v1/media/quarantine/<server_name>/<media_id>", "media", "quarantine"],
  ["POST /v1/media/unquarantine/<server_name>/<media_id>", "media", "unquarantine"],
  ["POST /v1/user/<user_id>/media/quarantine", "media", "quarantineUserMedia"],
  ["POST /v1/media/protect/<media_id>", "media", "protect"],
  ["POST /v1/media/unprotect/<media_id>", "media", "unprotect"],
  ["GET /v1/media/quarantine_changes", "media", "quarantineChanges"],
  ["DELETE /v1/media/<server_name>/<media_id>", "media", "delete"],
  ["POST /v1/media/delete", "media", "deleteOld"],
  ["POST /v1/media/<server_name>/delete", "media", "deleteOld"],
  ["POST /v1/purge_media_cache", "media", "purgeRemoteCache"],
  // purge_history_api.md, usage-registration_tokens.md, server_notices.md, client_server_api_extensions.md
  ["POST /v1/purge_history/<room_id>", "purgeHistory", "purge"],
  ["GET /v1/purge_history_status/<purge_id>", "purgeHistory", "status"],
  ["GET /v1/registration_tokens", "registrationTokens", "list"],
  ["GET /v1/registration_tokens/<token>", "registrationTokens", "get"],
  ["POST /v1/registration_tokens/new", "registrationTokens", "create"],
  ["PUT /v1/registration_tokens/<token>", "registrationTokens", "update"],
  ["DELETE /v1/registration_tokens/<token>", "registrationTokens", "delete"],
  ["POST /v1/send_server_notice", "serverNotices", "send"],
  ["PUT /v1/send_server_notice/{txnId}", "serverNotices", "send"],
  [
    "PUT /_matrix/client/v3/user/{adminUserId}/account_data/io.element.synapse.admin_client_config",
    "adminClientConfig",
    "set",
  ],
  // event_reports.md, usage-federation.md, statistics.md, usage-background_updates.md,
  // scheduled_tasks.md, fetch_event.md, experimental_features.md
  ["GET /v1/event_reports", "eventReports", "list"],
  ["GET /v1/event_reports/<report_id>", "eventReports", "get"],
  ["DELETE /v1/event_reports/<report_id>", "eventReports", "delete"],
  ["GET /v1/federation/destinations", "federation", "destinations"],
  ["GET /v1/federation/destinations/<destination>", "federation", "destination"],
  ["GET /v1/federation/destinations/<destination>/rooms", "federation", "destinationRooms"],
  ["POST /v1/federation/destinations/<destination>/reset_connection", "federation", "resetConnection"],
  ["GET /v1/statistics/users/media", "statistics", "usersMedia"],
  ["GET /v1/statistics/database/rooms", "statistics", "databaseRooms"],
  ["GET /v1/background_updates/status", "backgroundUpdates", "status"],
  ["GET /v1/background_updates/enabled", "backgroundUpdates", "enabled"],
  ["POST /v1/background_updates/enabled", "backgroundUpdates", "setEnabled"],
  ["POST /v1/background_updates/start_job", "backgroundUpdates", "startJob"],
  ["GET /v1/scheduled_tasks", "scheduledTasks", "list"],
  ["GET /v1/fetch_event/<event_id>", "events", "get"],
  ["GET /v1/experimental_features/<user_id>", "experimentalFeatures", "get"],
  ["PUT /v1/experimental_features/<user_id>", "experimentalFeatures", "set"],
];

describe("every documented admin endpoint has a library method", () => {
  const admin = new SynapseAdmin({ baseUrl: "http://localhost" }) as unknown as Record<
    string,
    Record<string, unknown>
  >;
  for (const [endpoint, resource, method] of ENDPOINTS) {
    it(`${endpoint} → admin.${resource}.${method}()`, () => {
      assert.equal(typeof admin[resource]?.[method], "function", `admin.${resource}.${method} is missing`);
    });
  }
});
