// Seeds from a Matrix moderation policy room: its m.policy.rule.* state events
// (and the older names moderation bots still write), by glob or by hash.
import { createHash } from "node:crypto";

/** One ban rule of a policy list. */
export interface PolicyRule {
  readonly kind: "user" | "room" | "server";
  /** The rule as written, for the evidence and the plan's reasons. */
  readonly source: string;
  readonly matches: (value: string) => boolean;
}

const KINDS: Record<string, PolicyRule["kind"]> = {};
for (const kind of ["user", "room", "server"] as const)
  for (const prefix of ["m.policy.rule.", "m.room.rule.", "org.matrix.mjolnir.rule."])
    KINDS[`${prefix}${kind}`] = kind;

const BAN = new Set(["m.ban", "org.matrix.mjolnir.ban"]);

/** A glob of a policy rule (`*` any run, `?` one character) as a whole-string test. */
export function globTest(glob: string): (value: string) => boolean {
  const source = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  const pattern = new RegExp(`^${source}$`, "su");
  return (value) => pattern.test(value);
}

/** The base64 SHA-256 of an entity, as hashed rules carry it (padding ignored). */
export function entityHash(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("base64").replace(/=+$/, "");
}

/** The ban rules in a policy room's state; rules revoked (empty content) or of other recommendations are left out. */
export function policyRules(state: ReadonlyArray<Record<string, unknown>>): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const event of state) {
    const kind = KINDS[String(event["type"])];
    const content = event["content"] as Record<string, unknown> | undefined;
    if (!kind || !content || !BAN.has(String(content["recommendation"]))) continue;
    const entity = content["entity"];
    const hashes = content["hashes"] as Record<string, unknown> | undefined;
    const sha256 = typeof hashes?.["sha256"] === "string" ? hashes["sha256"].replace(/=+$/, "") : undefined;
    if (typeof entity === "string" && entity !== "")
      rules.push({ kind, source: `${kind} ${entity}`, matches: globTest(entity) });
    else if (sha256)
      rules.push({
        kind,
        source: `${kind} sha256:${sha256}`,
        matches: (value) => entityHash(value) === sha256,
      });
  }
  return rules;
}
