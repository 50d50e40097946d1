import type { ValueSlot } from "./model.ts";

/** A word in single quotes for sh-like shells (bash, zsh): `it's` → `'it'\''s'`. */
export function shQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A word in single quotes for fish, where a backslash escapes a quote or a backslash. */
export function fishQuote(word: string): string {
  return `'${word.replace(/[\\']/g, (c) => `\\${c}`)}'`;
}

/** What a value slot becomes in a script's table: its words, or the marker for file names. */
export const FILES_MARKER = ":files:";

/** A value slot as one word list for the sh-like shells' tables. */
export function slotText(slot: ValueSlot): string {
  return slot.kind === "files" ? FILES_MARKER : slot.words.join(" ");
}
