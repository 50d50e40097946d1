// Whole answers of the Admin API, as Synapse's source builds them, for tests
// with a fake server: the library checks every field it types, so a fake
// answer has them all. Each takes the fields a test cares about.
import type { EventReport } from "../../src/api/resources/event-reports.ts";
import type { Destination } from "../../src/api/resources/federation.ts";
import type { QuarantineChange } from "../../src/api/resources/media.ts";
import type {
  ClientEvent,
  HierarchyRoom,
  RoomDeleteStatus,
  RoomDetails,
  RoomSummary,
} from "../../src/api/resources/rooms.ts";
import type { UserMediaUsage } from "../../src/api/resources/statistics.ts";
import type { UserReport } from "../../src/api/resources/user-reports.ts";
import type { Device, UserDetails, UserMedia, UserSummary } from "../../src/api/resources/users.ts";

export function userSummary(fields: Partial<UserSummary> & { name: string }): UserSummary {
  return {
    ...{ name: fields.name },
    is_guest: false,
    admin: false,
    user_type: null,
    deactivated: false,
    erased: false,
    shadow_banned: false,
    displayname: null,
    avatar_url: null,
    creation_ts: 1_700_000_000_000,
    last_seen_ts: null,
    locked: false,
    ...fields,
  };
}

export function userDetails(fields: Partial<UserDetails> & { name: string }): UserDetails {
  return {
    ...{ name: fields.name },
    admin: false,
    deactivated: false,
    locked: false,
    shadow_banned: false,
    creation_ts: 1_700_000_000_000,
    appservice_id: null,
    consent_server_notice_sent: null,
    consent_version: null,
    consent_ts: null,
    user_type: null,
    is_guest: false,
    suspended: false,
    displayname: null,
    avatar_url: null,
    threepids: [],
    external_ids: [],
    erased: false,
    last_seen_ts: null,
    ...fields,
  };
}

export function device(fields: Partial<Device> & { device_id: string }): Device {
  return {
    ...{ device_id: fields.device_id },
    user_id: "@u:example.org",
    display_name: null,
    last_seen_ip: null,
    last_seen_ts: null,
    last_seen_user_agent: null,
    ...fields,
  };
}

export function userMedia(fields: Partial<UserMedia> & { media_id: string }): UserMedia {
  return {
    ...{ media_id: fields.media_id },
    media_type: "image/png",
    media_length: 100,
    upload_name: null,
    created_ts: 1_700_000_000_000,
    url_cache: null,
    last_access_ts: null,
    quarantined_by: null,
    safe_from_quarantine: false,
    user_id: null,
    authenticated: true,
    sha256: null,
    ...fields,
  };
}

export function roomSummary(fields: Partial<RoomSummary> & { room_id: string }): RoomSummary {
  return {
    ...{ room_id: fields.room_id },
    name: null,
    canonical_alias: null,
    joined_members: 1,
    joined_local_members: 1,
    version: "10",
    creator: "@u:example.org",
    encryption: null,
    federatable: true,
    public: false,
    join_rules: "invite",
    guest_access: null,
    history_visibility: "shared",
    state_events: 5,
    room_type: null,
    ...fields,
  };
}

export function roomDetails(fields: Partial<RoomDetails> & { room_id: string }): RoomDetails {
  return {
    ...roomSummary({ room_id: fields.room_id }),
    avatar: null,
    topic: null,
    joined_local_devices: 1,
    forgotten: false,
    tombstoned: false,
    replacement_room: null,
    ...fields,
  };
}

/** A room list page of these rooms, with the offsets Synapse gives. */
export function roomListPage(
  rooms: RoomSummary[],
  extra: { next_batch?: number; offset?: number; total_rooms?: number } = {},
) {
  return { rooms, offset: 0, total_rooms: rooms.length, ...extra };
}

export function deleteStatus(fields: Partial<RoomDeleteStatus>): RoomDeleteStatus {
  return { delete_id: "d", room_id: "!r:example.org", status: "scheduled", shutdown_room: null, ...fields };
}

export function hierarchyRoom(fields: Partial<HierarchyRoom> & { room_id: string }): HierarchyRoom {
  return {
    ...{ room_id: fields.room_id },
    children_state: [],
    num_joined_members: 1,
    world_readable: false,
    guest_can_join: false,
    ...fields,
  };
}

export function eventReport(fields: Partial<EventReport> & { id: number }): EventReport {
  return {
    ...{ id: fields.id },
    received_ts: 1_700_000_000_000,
    room_id: "!r:example.org",
    name: null,
    event_id: "$e",
    user_id: "@reporter:example.org",
    reason: null,
    score: null,
    sender: "@sender:example.org",
    canonical_alias: null,
    ...fields,
  };
}

export function userReport(fields: Partial<UserReport> & { id: number }): UserReport {
  return {
    ...{ id: fields.id },
    received_ts: 1_700_000_000_000,
    target_user_id: "@target:example.org",
    user_id: "@reporter:example.org",
    reason: "spam",
    ...fields,
  };
}

/** A state or timeline event as the Room State and Room Messages APIs give it. */
export function clientEvent(fields: Partial<ClientEvent> & { type: string }): ClientEvent {
  return {
    event_id: "$e",
    ...{ type: fields.type },
    sender: "@sender:example.org",
    origin_server_ts: 1_700_000_000_000,
    room_id: "!r:example.org",
    content: {},
    ...fields,
  };
}

export function destination(fields: Partial<Destination> & { destination: string }): Destination {
  return {
    ...{ destination: fields.destination },
    retry_last_ts: 0,
    retry_interval: 0,
    failure_ts: null,
    last_successful_stream_ordering: null,
    ...fields,
  };
}

export function mediaUsage(fields: Partial<UserMediaUsage> & { user_id: string }): UserMediaUsage {
  return {
    ...{ user_id: fields.user_id },
    displayname: null,
    media_count: 1,
    media_length: 100,
    ...fields,
  };
}

export function quarantineChange(fields: Partial<QuarantineChange> & { media_id: string }): QuarantineChange {
  return { origin: "example.org", quarantined: true, ...fields };
}

/** A server's published signing keys (`/_matrix/key/v2/server`). */
export function serverKeys(serverName: string) {
  return {
    server_name: serverName,
    valid_until_ts: 1_900_000_000_000,
    verify_keys: { "ed25519:a": { key: "AAAA" } },
    old_verify_keys: {},
    signatures: { [serverName]: { "ed25519:a": "sig" } },
  };
}
