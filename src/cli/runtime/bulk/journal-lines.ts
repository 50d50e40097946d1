/** The first line of a journal: which run it belongs to and every item it covers. */
export interface JournalHeader {
  readonly version: 1;
  /** Stays the same when the run is resumed: e.g. transaction IDs are made from it. */
  readonly run_id: string;
  readonly command: string;
  readonly server: string;
  /** The arguments that chose the items and the action. */
  readonly identity: unknown;
  readonly items: readonly string[];
  readonly started: string;
}

/** One line after the header: what happened to an item, or fields kept for it before it was acted on. */
export type JournalLine =
  | { readonly key: string; readonly outcome: "done" }
  | { readonly key: string; readonly outcome: "failed"; readonly error: string }
  | { readonly key: string; readonly outcome: "skipped"; readonly reason: string }
  | { readonly key: string; readonly outcome: "kept"; readonly fields: Record<string, unknown> };

/** What can still be read from a journal whose header is lost. */
export interface JournalDamage {
  /** Why the header cannot be read, e.g. "it is empty". */
  readonly why: string;
  /** The item lines that could be read. */
  readonly lines: readonly JournalLine[];
}

/** A journal's text, read as far as it can be. */
export type ParsedJournal =
  | { header: JournalHeader; lines: JournalLine[]; damagedLines: number }
  | { damage: JournalDamage };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asHeader(value: unknown): JournalHeader | undefined {
  if (!isRecord(value) || value["version"] !== 1) return undefined;
  const { run_id, command, server, items, started } = value;
  if (typeof run_id !== "string" || typeof command !== "string" || typeof server !== "string")
    return undefined;
  if (typeof started !== "string" || !Array.isArray(items)) return undefined;
  if (!items.every((item) => typeof item === "string")) return undefined;
  return value as unknown as JournalHeader;
}

function asLine(value: unknown): JournalLine | undefined {
  if (!isRecord(value) || typeof value["key"] !== "string") return undefined;
  const key = value["key"];
  switch (value["outcome"]) {
    case "done":
      return { key, outcome: "done" };
    case "failed":
      return {
        key,
        outcome: "failed",
        error: typeof value["error"] === "string" ? value["error"] : "failed",
      };
    case "skipped":
      return {
        key,
        outcome: "skipped",
        reason: typeof value["reason"] === "string" ? value["reason"] : "skipped",
      };
    case "kept":
      return isRecord(value["fields"]) ? { key, outcome: "kept", fields: value["fields"] } : undefined;
    default:
      return undefined;
  }
}

/**
 * Reads a journal's text. Lines that cannot be read are counted and left out
 * (a crash cuts the last one short); a header that cannot be read makes the
 * whole journal damaged, with what its other lines still say.
 */
export function parseJournal(text: string): ParsedJournal {
  const [first = "", ...rest] = text.split("\n");
  const lines: JournalLine[] = [];
  let damagedLines = 0;
  for (const raw of rest) {
    if (raw.trim() === "") continue;
    const line = asLine(parseJson(raw));
    if (line) lines.push(line);
    else damagedLines++;
  }
  if (text.trim() === "") return { damage: { why: "it is empty", lines } };
  const parsed = parseJson(first);
  const header = asHeader(parsed);
  if (!header) {
    const why =
      parsed === undefined
        ? "its first line (the list of items) is cut short or not JSON"
        : "its first line is not the header of a synadm run";
    return { damage: { why, lines } };
  }
  return { header, lines, damagedLines };
}

/** What the readable lines of a damaged journal record, in a few words, e.g. `2 done (@a:x, @b:x), 1 failed`. */
export function describeLines(lines: readonly JournalLine[], shown = 3): string {
  const done = new Set<string>();
  const failed = new Set<string>();
  let kept = 0;
  for (const line of lines) {
    if (line.outcome === "done" || line.outcome === "skipped") {
      done.add(line.key);
      failed.delete(line.key);
    } else if (line.outcome === "failed") failed.add(line.key);
    else kept++;
  }
  const list = (keys: Set<string>): string => {
    const first = [...keys].slice(0, shown).join(", ");
    return keys.size > shown ? `${first}, ...` : first;
  };
  const parts: string[] = [];
  if (done.size) parts.push(`${done.size} done (${list(done)})`);
  if (failed.size) parts.push(`${failed.size} failed (${list(failed)})`);
  if (kept) parts.push(`${kept} kept value(s) (generated passwords, IDs of started jobs)`);
  return parts.length ? parts.join(", ") : "nothing";
}
