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
  config: [
    ["synadm config", "Set up the configuration, answering questions"],
    [
      'synadm --batch config -u admin -t "$TOKEN" -b https://matrix.example.org',
      "The same without questions",
    ],
  ],
  raw: [
    ["synadm raw v1/server_version", "Any Admin API call, here the server's version"],
    [`synadm raw -m post v1/registration_tokens/new -d '{"uses_allowed": 1}'`, "A POST with a JSON body"],
  ],
  "user list": [
    ["synadm user list -d -n bob", "Users named like bob, deactivated ones included"],
    [
      "synadm -o json user list --all -n spam | jq -r '.users[].name'",
      "The IDs of every user named like spam",
    ],
  ],
  "user list-v3": [["synadm user list-v3 --only-deactivated", "Deactivated accounts only"]],
  "user details": [["synadm user details alice", "Alice's account (a localpart is enough)"]],
  "user whois": [["synadm user whois alice", "Alice's devices, IP addresses and when she was last seen"]],
  "user modify": [
    ["synadm user modify bob -P 'correct horse battery' -n Bob", "Create bob, or set his password and name"],
    ["synadm user modify bob -a", "Make bob a server admin"],
  ],
  "user search": [["synadm user search smith", "Users with 'smith' in their ID or name, any case"]],
  "user deactivate": [
    ["synadm user deactivate spammer", "Deactivate an account, after asking"],
    ["synadm --batch user deactivate -e @troll:example.org", "Deactivate and GDPR-erase, without asking"],
  ],
  "user deactivate-regex": [
    ["synadm user deactivate-regex '@spam[0-9]+:' -n", "The users it would deactivate"],
  ],
  "user deactivate-many": [
    ["synadm --batch user deactivate-many spammers.txt", "Deactivate the users listed, one per line"],
  ],
  "user inactive": [
    ["synadm -o human user inactive --since 180d", "Users not seen for half a year, oldest first"],
    ["synadm user inactive -s 365d --ids-only > stale.txt", "Their IDs, for 'user deactivate-many'"],
  ],
  "user export": [["synadm user export > users.csv", "Every user as CSV"]],
  "user import": [
    ["synadm user import --dry-run staff.csv", "Check a CSV file against the server, creating nobody"],
    [
      "synadm --batch user import staff.csv > passwords.json",
      "Create the users; generated passwords go to stdout",
    ],
  ],
  "user suspend": [
    ["synadm user suspend alice", "Alice can read but not send, join or invite"],
    ["synadm user suspend -U alice", "Lift the suspension"],
  ],
  "user password": [
    ["synadm user password alice", "Set a password (asked for, hidden); logs her out everywhere"],
    ["synadm user password alice -n", "The same, keeping her sessions"],
  ],
  "user server-admin show": [["synadm user server-admin show alice", "Whether alice is a server admin"]],
  "user server-admin grant": [["synadm user server-admin grant alice", "Make alice a server admin"]],
  "user server-admin revoke": [
    ["synadm user server-admin revoke alice", "Make alice an ordinary user again"],
  ],
  "user membership": [["synadm user membership alice --ids", "The IDs of the rooms alice is in"]],
  "user memberships": [
    ["synadm user memberships alice", "Every room alice joined, left, was invited to or banned from"],
  ],
  "user sent-invite-count": [
    ["synadm user sent-invite-count alice --since 1d", "Invites alice sent in the last day"],
  ],
  "user joined-room-count": [
    ["synadm user joined-room-count alice --since 7d", "Rooms alice joined this week"],
  ],
  "user account-data": [["synadm user account-data alice", "Alice's global and per-room account data"]],
  "user media": [["synadm user media alice -s media_length -r", "Alice's uploads, largest first"]],
  "user delete-media": [
    ["synadm user delete-media @spammer:example.org", "Delete everything a spammer uploaded"],
  ],
  "user login": [
    ["synadm user login alice", "A token to act as alice for a day"],
    [
      "synadm -o json user login alice -d 7 | jq -r .access_token",
      "A token valid for a week, only the token",
    ],
  ],
  "user allow-cross-signing-reset": [
    ["synadm user allow-cross-signing-reset alice", "Alice may replace her lost master key for 10 minutes"],
  ],
  "user device list": [["synadm user device list alice", "Alice's devices and when each was last seen"]],
  "user device show": [["synadm user device show alice ABCDEFGHIJ", "One device of alice"]],
  "user device create": [["synadm user device create alice BRIDGE01", "A device with the ID you choose"]],
  "user device rename": [
    ["synadm user device rename alice ABCDEFGHIJ 'Old laptop'", "Change its display name"],
  ],
  "user device delete": [
    ["synadm user device delete alice ABCDEFGHIJ KLMNOPQRST", "Delete two devices and log them out"],
  ],
  "user prune-devices": [
    ["synadm user prune-devices alice -l", "The devices it would delete"],
    ["synadm --batch user prune-devices alice -d 30 -s 2", "Delete devices unused for 30 days, keep two"],
  ],
  "user pushers": [["synadm user pushers alice", "Where alice's notifications are pushed"]],
  "user shadow-ban": [
    ["synadm user shadow-ban @spammer:example.org", "Their messages silently reach nobody"],
    ["synadm user shadow-ban -u @spammer:example.org", "Lift the shadow-ban"],
  ],
  "user ratelimit show": [["synadm user ratelimit show bridgebot", "A user's rate-limit override, if any"]],
  "user ratelimit set": [["synadm user ratelimit set bridgebot", "No rate limit for a bridge's bot"]],
  "user ratelimit delete": [["synadm user ratelimit delete bridgebot", "Back to the server's rate limits"]],
  "user username-available": [
    ["synadm user username-available alice", "Whether @alice can still be registered"],
  ],
  "user auth-provider": [
    ["synadm user auth-provider 103847562 -p oidc-github", "The user who signs in with that GitHub account"],
  ],
  "user 3pid": [["synadm user 3pid alice@example.org", "The account using that e-mail address"]],
  "user redact": [
    ["synadm user redact @spammer:example.org --reason spam", "Redact their events in every room"],
  ],
  "user redact-status": [["synadm user redact-status RrDvZXNvQzyAcDxG", "How a redaction is going"]],
  "user renew": [["synadm user renew alice", "Alice's account stays valid for another period"]],
  "user register": [
    [
      "synadm user register admin -a --shared-secret-file /etc/matrix-synapse/registration-secret",
      "Create the first admin, no token needed",
    ],
  ],
  version: [["synadm version", "The server's Synapse version"]],
};

/** The examples of a command, by its path as help shows it (`["synadm", "user", "list"]`). */
export function examplesFor(path: readonly string[]): readonly HelpExample[] {
  return helpExamples[path.slice(1).join(" ")] ?? [];
}
