/** A command line an admin would type, and what it does. */
import type { HelpExample } from "../framework/spec.ts";

const ROOM = "'!abc:example.org'";
const MXC = "mxc://example.org/AbCdEfGhIjKlMnOp";

/**
 * One or two examples per command, keyed by the command's path without
 * "synadm". Kept apart from the declarations so `--help` and the generated
 * docs show them without every command file carrying them; a unit test checks
 * that every command has one and that each parses.
 */
export const helpExamples: Readonly<Record<string, readonly HelpExample[]>> = {
  "admin-client-config show": [
    ["synadm admin-client-config show", "What the server sends your admin account's clients"],
  ],
  "admin-client-config set": [
    [
      "synadm admin-client-config set --soft-failed-events",
      "Let your clients show events the server soft-failed",
    ],
  ],
  "background-updates status": [
    ["synadm background-updates status", "Whether updates run, and which one is running"],
  ],
  "background-updates enable": [["synadm background-updates enable", "Resume updates paused with 'disable'"]],
  "background-updates disable": [
    ["synadm background-updates disable", "Pause updates during busy hours (until restart)"],
  ],
  "background-updates start": [
    ["synadm background-updates start regenerate_directory", "Rebuild the user directory"],
  ],
  "completion bash": [["source <(synadm completion bash)", "Complete synadm in the current bash"]],
  "completion zsh": [
    ["synadm completion zsh > ~/.zsh/completions/_synadm", "Install it in a directory listed in $fpath"],
  ],
  "completion fish": [
    ["synadm completion fish > ~/.config/fish/completions/synadm.fish", "Install it for every fish session"],
  ],
  "event show": [
    ["synadm event show '$Kx9vW2mQe7Yh3TzRqA5sUoPbN1cLdFgHiJkM'", "An event named in a report, in any room"],
  ],
  "event-report list": [
    ["synadm event-report list -l 20", "The 20 newest reports"],
    [`synadm event-report list -r ${ROOM}`, "The reports about one room"],
  ],
  "event-report show": [["synadm event-report show 42", "Report 42 and the event it is about"]],
  "event-report delete": [["synadm event-report delete 42", "Remove a report you have dealt with"]],
  "experimental-features list": [
    ["synadm experimental-features list alice", "The features alice has turned on"],
  ],
  "experimental-features set": [
    ["synadm experimental-features set alice msc3881=true msc3575=false", "Turn one feature on and one off"],
  ],
  "federation list": [
    ["synadm federation list -s failure_ts -r", "Destinations by the time they last failed"],
  ],
  "federation show": [
    ["synadm federation show matrix.org", "When matrix.org last failed and when it is retried"],
  ],
  "federation rooms": [
    ["synadm federation rooms matrix.org", "The rooms this server shares with matrix.org"],
  ],
  "federation reset": [
    ["synadm federation reset chat.example.net", "Retry a server back online now, not after backoff"],
  ],
  "scheduled-tasks list": [
    ["synadm scheduled-tasks list -s failed", "Tasks that failed"],
    ["synadm scheduled-tasks list -a shutdown_and_purge_room -s active", "Room deletes running now"],
  ],
  "stats media-usage": [
    ["synadm stats media-usage -s media_length -r -l 10", "The ten users whose uploads take the most space"],
  ],
  "stats room-sizes": [["synadm stats room-sizes", "The rooms taking the most database space"]],
  config: [
    ["synadm config", "Set up the configuration, answering questions"],
    [
      'synadm --batch config -u admin -t "$TOKEN" -b https://matrix.example.org',
      "The same without questions",
    ],
  ],
  "group delete": [
    ["synadm group delete '+staff:example.org'", "Explains that Synapse no longer has groups"],
  ],
  "history purge": [
    [`synadm history purge ${ROOM} -d 365`, "Purge a room's remote events older than a year"],
    [`synadm --batch history purge ${ROOM} --before 2024-01-01 --delete-local`, "Local users' events too"],
  ],
  "history purge-status": [
    ["synadm history purge-status OXyqtDGNjvHnBbZG", "Follow a purge started with --no-wait"],
  ],
  "matrix login": [
    ["synadm matrix login alice", "Log in as alice with her password (asked for); prints the token"],
  ],
  "matrix raw": [
    ["synadm matrix raw client/v3/account/whoami", "Whom the configured token belongs to"],
    ['synadm matrix raw -t "$ALICE_TOKEN" client/v3/joined_rooms', "The rooms of another token's user"],
  ],
  "media list": [
    ["synadm media list -u alice -s media_length -R", "Alice's uploads, largest first"],
    [`synadm media list -r ${ROOM}`, "The media posted in a room"],
  ],
  "media info": [[`synadm media info ${MXC}`, "Type, size, uploader and quarantine state of a file"]],
  "media quarantine": [
    [`synadm media quarantine -U ${MXC}`, "Quarantine one file"],
    ["synadm media quarantine -u @spammer:example.org", "Every file a user uploaded"],
  ],
  "media unquarantine": [[`synadm media unquarantine -U ${MXC}`, "Release a file quarantined by mistake"]],
  "media quarantine-changes": [
    ["synadm media quarantine-changes", "Every quarantine and release, oldest first"],
  ],
  "media protect": [
    ["synadm media protect AbCdEfGhIjKlMnOp", "Keep a local file safe from room-wide quarantines"],
  ],
  "media unprotect": [["synadm media unprotect AbCdEfGhIjKlMnOp", "Lift that protection"]],
  "media purge": [["synadm media purge -d 30", "Drop cached remote media nobody looked at for 30 days"]],
  "media delete": [
    ["synadm media delete -i AbCdEfGhIjKlMnOp", "Delete one local file"],
    ["synadm --batch media delete -d 365 --kib 10240", "Files over 10 MiB not accessed for a year"],
  ],
  "notice send": [
    ["synadm notice send alice 'Your password expires on Friday.'", "A notice to one user"],
    ["synadm --batch notice send -r '@.*:example.org' 'Maintenance at 22:00 UTC.'", "A notice to every user"],
  ],
  "notice event": [
    [
      `synadm notice event alice m.room.message '{"msgtype": "m.text", "body": "Hello"}'`,
      "A notice with content you write yourself",
    ],
  ],
  raw: [
    ["synadm raw v1/server_version", "Any Admin API call, here the server's version"],
    [`synadm raw -m post v1/registration_tokens/new -d '{"uses_allowed": 1}'`, "A POST with a JSON body"],
  ],
  "regtok list": [["synadm regtok list -v", "The tokens that can still be used"]],
  "regtok details": [["synadm regtok details Ab3dEf9h", "Uses left and expiry of a token"]],
  "regtok new": [["synadm regtok new -u 10 -e 2031-01-01", "A token for ten sign-ups, valid until 2031"]],
  "regtok update": [["synadm regtok update Ab3dEf9h -u -1", "Make a token unlimited"]],
  "regtok delete": [["synadm regtok delete Ab3dEf9h", "Withdraw a token"]],
  "room list": [
    ["synadm room list -s joined_members -l 10", "The ten rooms with the most members"],
    ["synadm room list -n 'Project X'", "Rooms whose name contains 'Project X'"],
  ],
  "room search": [["synadm room search ops", "Rooms with 'ops' in their name, alias or ID"]],
  "room details": [[`synadm room details ${ROOM}`, "Name, creator, members, encryption and more"]],
  "room state": [[`synadm room state ${ROOM}`, "The room's current state events"]],
  "room members": [[`synadm room members ${ROOM}`, "The users joined to a room"]],
  "room power-levels": [
    ["synadm room power-levels -n Staff", "Who has which power level in the rooms named like Staff"],
  ],
  "room resolve": [
    ["synadm room resolve '#general:example.org'", "The room ID of an alias"],
    [`synadm room resolve -r ${ROOM}`, "The aliases of a room"],
  ],
  "room join": [["synadm room join '#general:example.org' alice", "Put alice into a room"]],
  "room make-admin": [
    [`synadm room make-admin ${ROOM} -u alice`, "Give alice full power in a room its admins left"],
  ],
  "room block": [
    [`synadm room block ${ROOM}`, "Nobody on this server can join it (it need not be known yet)"],
    [`synadm room block -u ${ROOM}`, "Lift the block"],
  ],
  "room block-status": [[`synadm room block-status ${ROOM}`, "Whether a room is blocked, and by whom"]],
  "room delete": [
    [`synadm room delete ${ROOM} -b`, "Delete and block a room, after showing it and asking"],
    [`synadm --batch room delete ${ROOM} --no-wait`, "Start the delete and return at once"],
  ],
  "room delete-many": [
    ["synadm --batch room delete-many -b spam-rooms.txt", "Delete and block the rooms listed"],
  ],
  "room delete-status": [[`synadm room delete-status -r ${ROOM}`, "How the deletes of a room went"]],
  "room purge-empty": [
    ["synadm room purge-empty --dry-run", "The rooms no local user is in, deleting nothing"],
  ],
  "room messages": [[`synadm room messages ${ROOM} -b -l 20`, "The 20 newest messages"]],
  "room context": [
    [
      `synadm room context ${ROOM} '$Kx9vW2mQe7Yh3TzRqA5sUoPbN1cLdFgHiJkM' -l 5`,
      "Five events on either side",
    ],
  ],
  "room timestamp-to-event": [
    [`synadm room timestamp-to-event ${ROOM} 2h`, "The event closest to two hours ago"],
  ],
  "room hierarchy": [
    ["synadm room hierarchy '!space:example.org' --max-depth 1", "The rooms directly in a space"],
  ],
  "room forward-extremities show": [
    [`synadm room forward-extremities show ${ROOM}`, "Too many slow a room down"],
  ],
  "room forward-extremities delete": [
    [`synadm room forward-extremities delete ${ROOM}`, "Drop the extra ones (stop Synapse first)"],
  ],
  "room publish": [[`synadm room publish ${ROOM}`, "Show a room in the public room directory"]],
  "room unpublish": [[`synadm room unpublish ${ROOM}`, "Take it out of the directory"]],
  "room media list": [[`synadm room media list ${ROOM}`, "The media posted in a room"]],
  "room media quarantine": [[`synadm room media quarantine ${ROOM}`, "Quarantine every file of a room"]],
  version: [["synadm version", "The server's Synapse version"]],
};

/** The examples of a command, by its path as help shows it (`["synadm", "user", "list"]`). */
export function examplesFor(path: readonly string[]): readonly HelpExample[] {
  return helpExamples[path.slice(1).join(" ")] ?? [];
}
