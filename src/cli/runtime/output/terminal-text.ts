// Server-controlled text (display names, room names, the server's error text)
// must not drive the terminal that shows it: an ESC sequence can clear the
// screen or write the clipboard (OSC 52), a carriage return or a bidi override
// can make a line read as something else. Such characters are shown as
// visible escapes instead. A backslash is left as it is: text that already
// reads `\x1b` is shown as typed, and escaping twice changes nothing.

// C0 controls, DEL, C1 controls, the bidi marks, embeddings, overrides and
// isolates, and the Unicode line and paragraph separators.
const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const UNSAFE_BUT_LINE_FEED =
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const NAMED: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** The visible form of one unsafe character: `\t`, `\n`, `\r`, `\x1b`, `\u202e`. */
export function visibleEscape(char: string): string {
  const code = char.charCodeAt(0);
  return (
    NAMED[char] ??
    (code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`)
  );
}

/**
 * `text` with every character that could control a terminal or reorder what
 * it shows written as a visible escape. `keepLineBreaks` leaves line feeds
 * alone, for messages whose lines are the CLI's own (their server-controlled
 * parts are escaped whole before they are put in).
 */
export function escapeTerminalText(text: string, options: { keepLineBreaks?: boolean } = {}): string {
  return text.replace(options.keepLineBreaks ? UNSAFE_BUT_LINE_FEED : UNSAFE, visibleEscape);
}
