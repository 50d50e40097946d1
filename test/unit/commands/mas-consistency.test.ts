import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  activeOnlyInSynapse,
  compareAccounts,
  localpartOf,
  type MasAccount,
  parseRepairItem,
  repairItem,
  type SynapseAccount,
} from "../../../src/cli/commands/mas/consistency-compare.ts";

const synapseAccount = (localpart: string, extra: Partial<SynapseAccount> = {}): SynapseAccount => ({
  userId: `@${localpart}:example.org`,
  deactivated: false,
  locked: false,
  admin: false,
  ...extra,
});
let next = 0;
const masUser = (username: string, extra: Partial<MasAccount> = {}): MasAccount => ({
  id: `01J${String(++next).padStart(23, "0")}`,
  username,
  deactivated: false,
  locked: false,
  admin: false,
  legacyGuest: false,
  ...extra,
});
const byUsername = (users: MasAccount[]): Map<string, MasAccount> =>
  new Map(users.map((user) => [user.username, user]));

/** `[check, severity, user, repair]` of each finding. */
function judged(synapse: SynapseAccount[], mas: MasAccount[]): Array<[string, string, string, string?]> {
  return compareAccounts(synapse, byUsername(mas), "example.org").findings.map((finding) => [
    finding.check,
    finding.severity,
    localpartOf(finding.user_id!),
    ...(finding.repair ? [finding.repair] : []),
  ]) as Array<[string, string, string, string?]>;
}

describe("mas doctor: comparing Synapse's accounts with MAS's users", () => {
  it("accounts that agree give no finding, whatever their state", () => {
    assert.deepEqual(
      judged(
        [
          synapseAccount("alice"),
          synapseAccount("root", { admin: true }),
          synapseAccount("held", { locked: true }),
          synapseAccount("gone", { deactivated: true }),
        ],
        [
          masUser("alice"),
          masUser("root", { admin: true }),
          masUser("held", { locked: true }),
          masUser("gone", { deactivated: true }),
        ],
      ),
      [],
    );
  });

  it("only in Synapse: active → created in MAS; deactivated → info only; an appservice's → left out", () => {
    const comparison = compareAccounts(
      [
        synapseAccount("split"),
        synapseAccount("old", { deactivated: true }),
        synapseAccount("bridge_bot", { appserviceId: "irc" }),
      ],
      new Map(),
      "example.org",
    );
    assert.deepEqual(
      comparison.findings.map((finding) => [
        finding.check,
        finding.severity,
        finding.user_id,
        finding.repair,
      ]),
      [
        ["only-in-synapse", "info", "@old:example.org", null],
        ["only-in-synapse", "error", "@split:example.org", "create-in-mas"],
      ],
    );
    assert.equal(comparison.appserviceAccounts, 1);
    assert.equal(comparison.synapseAccounts, 3);
  });

  it("only in MAS: active or locked → created in Synapse under the server's name; deactivated → info", () => {
    const comparison = compareAccounts(
      [],
      byUsername([masUser("new"), masUser("held", { locked: true }), masUser("gone", { deactivated: true })]),
      "example.org",
    );
    assert.deepEqual(
      comparison.findings.map((finding) => [finding.user_id, finding.severity, finding.repair]),
      [
        ["@gone:example.org", "info", null],
        ["@held:example.org", "error", "create-in-synapse"],
        ["@new:example.org", "error", "create-in-synapse"],
      ],
    );
    assert.ok(comparison.findings.every((finding) => finding.mas_id?.startsWith("01J")));
  });

  it("deactivated on one side only: deactivated on the other, whichever side it is", () => {
    assert.deepEqual(
      judged(
        [synapseAccount("a"), synapseAccount("b", { deactivated: true })],
        [masUser("a", { deactivated: true }), masUser("b")],
      ),
      [
        ["deactivated", "error", "a", "deactivate-in-synapse"],
        ["deactivated", "error", "b", "deactivate-in-mas"],
      ],
    );
  });

  it("lock and admin right: Synapse's flag follows MAS's, both ways, each its own finding", () => {
    assert.deepEqual(
      judged(
        [
          synapseAccount("a"),
          synapseAccount("b", { locked: true, admin: true }),
          synapseAccount("c", { admin: true }),
        ],
        [masUser("a", { locked: true, admin: true }), masUser("b"), masUser("c", { locked: true })],
      ),
      [
        ["admin", "info", "a", "grant-admin-in-synapse"],
        ["locked", "warning", "a", "lock-in-synapse"],
        ["admin", "warning", "b", "revoke-admin-in-synapse"],
        ["locked", "warning", "b", "unlock-in-synapse"],
        ["admin", "warning", "c", "revoke-admin-in-synapse"],
        ["locked", "warning", "c", "lock-in-synapse"],
      ],
    );
  });

  it("a deactivated account's lock and admin right are not compared; MAS's legacy guests are left out", () => {
    const comparison = compareAccounts(
      [synapseAccount("gone", { deactivated: true, admin: true })],
      byUsername([
        masUser("gone", { deactivated: true, locked: true }),
        masUser("guest1", { legacyGuest: true }),
      ]),
      "example.org",
    );
    assert.deepEqual(comparison.findings, []);
    assert.equal(comparison.legacyGuests, 1);
  });

  it("the accounts only in Synapse and active are those whose appservice is read", () => {
    const only = activeOnlyInSynapse(
      [synapseAccount("a"), synapseAccount("b"), synapseAccount("c", { deactivated: true })],
      byUsername([masUser("a")]),
    );
    assert.deepEqual(
      only.map((account) => account.userId),
      ["@b:example.org"],
    );
  });

  it("every finding has every field, null where it has no value (the same columns in csv)", () => {
    const { findings } = compareAccounts(
      [synapseAccount("a", { deactivated: true }), synapseAccount("b", { admin: true })],
      byUsername([masUser("b"), masUser("c")]),
      "example.org",
    );
    const keys = ["check", "severity", "user_id", "mas_id", "message", "action", "repair"];
    for (const found of findings) assert.deepEqual(Object.keys(found), keys);
    assert.equal(findings[0]?.mas_id, null);
    assert.equal(findings[0]?.action, null);
  });

  it("a repair item reads back as it was made; anything else is refused", () => {
    const item = repairItem("create-in-mas", "@a:example.org:8448");
    assert.equal(item, "create-in-mas @a:example.org:8448");
    assert.deepEqual(parseRepairItem(item), { repair: "create-in-mas", userId: "@a:example.org:8448" });
    for (const bad of ["create-in-mas", "erase-everything @a:example.org", "lock-in-synapse alice", ""])
      assert.equal(parseRepairItem(bad), undefined, bad);
    assert.equal(localpartOf("@a:example.org:8448"), "a");
  });
});
