// The ban rules of a Matrix moderation policy list: its m.policy.rule.* state
// events (and the older names moderation bots still write), by glob or by hash.
import { sha256, unpaddedBase64 } from "./sha256.ts";

/** One ban rule of a policy list. */
export interface PolicyRule {
  /** What the rule names: `m.policy.rule.user`, `.room` or `.server`. */
  readonly kind: "user" | "room" | "server";
  /** The rule as written (`user @spam*:example.org`, `user sha256:...`), for evidence and reasons. */
  readonly source: string;
  /** Whether a user ID, room ID or alias, or server name falls under the rule. */
  readonly matches: (value: string) => boolean;
}

const KINDS: Record<string, PolicyRule["kind"]> = {};
for (const kind of ["user", "room", "server"] as const)
  for (const prefix of ["m.policy.rule.", "m.room.rule.", "org.matrix.mjolnir.rule."])
    KINDS[`${prefix}${kind}`] = kind;

const BAN = new Set(["m.ban", "org.matrix.mjolnir.ban"]);

/** A glob of a policy rule (`*` any run of characters, `?` one) as a test of whole strings. */
export function policyGlob(glob: string): (value: string) => boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  const pattern = new RegExp(`^${source}$`, "su");
  return (value) => pattern.test(value);
}

/** The unpadded base64 SHA-256 of an entity, as hashed rules (`hashes.sha256`) carry it. */
export function policyEntityHash(value: string): string {
  return unpaddedBase64(sha256(new TextEncoder().encode(value)));
}

/**
 * The ban rules in a policy room's state events (as `GET
 * /_synapse/admin/v1/rooms/<room_id>/state` returns them): `m.policy.rule.*`,
 * `m.room.rule.*` and `org.matrix.mjolnir.rule.*` with the recommendation
 * `m.ban`, by `entity` glob or by `hashes.sha256`. Revoked rules (empty
 * content) and other recommendations are left out.
 */
export function policyRules(state: ReadonlyArray<object>): PolicyRule[] {
  const rules: PolicyRule[] = [];
  // Events as any source gives them (the Room State API's, a file's): every field is read with care.
  for (const event of state as ReadonlyArray<Record<string, unknown>>) {
    const kind = KINDS[String(event["type"])];
    const content = event["content"] as Record<string, unknown> | undefined;
    if (!kind || !content || !BAN.has(String(content["recommendation"]))) continue;
    const entity = content["entity"];
    const hashes = content["hashes"] as Record<string, unknown> | undefined;
    const sha256 = typeof hashes?.["sha256"] === "string" ? hashes["sha256"].replace(/=+$/, "") : undefined;
    if (typeof entity === "string" && entity !== "")
      rules.push({ kind, source: `${kind} ${entity}`, matches: policyGlob(entity) });
    else if (sha256)
      rules.push({
        kind,
        source: `${kind} sha256:${sha256}`,
        matches: (value) => policyEntityHash(value) === sha256,
      });
  }
  return rules;
}
