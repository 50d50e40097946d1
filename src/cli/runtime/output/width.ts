import { stripVTControlCharacters } from "node:util";

// Terminals draw emoji-presentation characters (and text-style pictographs
// forced to emoji style by VS16, keycaps, flags) two columns wide.
const EMOJI =
  /\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F|\p{Emoji}\uFE0F?\u20E3|\p{Regional_Indicator}/u;
const ZERO_WIDTH = /^[\p{Mark}\p{Cf}\p{Cc}]+$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

// East Asian Wide and Fullwidth ranges (UAX #11) that are not emoji.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3040, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18aff],
  [0x1b000, 0x1b2ff],
  [0x1f200, 0x1f2ff],
  [0x20000, 0x3fffd],
];

let segmenter: Intl.Segmenter | undefined;

function isWide(codePoint: number): boolean {
  return WIDE_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}

function graphemeWidth(grapheme: string): number {
  if (EMOJI.test(grapheme)) return 2;
  if (isWide(grapheme.codePointAt(0)!)) return 2;
  return ZERO_WIDTH.test(grapheme) ? 0 : 1;
}

/**
 * Returns the number of terminal columns a text occupies: grapheme clusters
 * count once, East Asian wide characters and emoji count as two columns,
 * combining marks, joiners and ANSI escape sequences as none.
 */
export function displayWidth(text: string): number {
  const plain = stripVTControlCharacters(text);
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  let width = 0;
  for (const { segment } of segmenter.segment(plain)) width += graphemeWidth(segment);
  return width;
}

const ELLIPSIS = "…";

/**
 * Shortens a text to at most `width` terminal columns, ending it with an
 * ellipsis when something was cut. Cuts between grapheme clusters, so an
 * emoji sequence or a letter with its accents is kept or dropped whole.
 */
export function truncateToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width < 1) return "";
  const plain = stripVTControlCharacters(text);
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  let kept = "";
  let used = 0;
  for (const { segment } of segmenter.segment(plain)) {
    const next = graphemeWidth(segment);
    if (used + next > width - 1) break;
    kept += segment;
    used += next;
  }
  return kept + ELLIPSIS;
}
