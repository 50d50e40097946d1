// A spreadsheet opening a CSV or TSV file takes a cell that starts with =, +,
// -, @, a tab or a carriage return for a formula, which can fetch URLs or run
// commands (OWASP "CSV Injection"). A display name is such a cell as soon as
// someone chooses it, so text cells that start like this get a leading single
// quote, which makes the spreadsheet show the text as text.

// A run of quotes before a trigger is quoted once more, so that `user import`
// can take exactly one quote away and read back the server's value.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

// A Matrix user ID of today's grammar (lower-case localpart, host name or IP
// literal, port) starts with @ but holds no parenthesis, |, ! or space, so no
// function call, DDE link or sheet reference: it stays as it is, which keeps
// the user_id column usable by `user import` and by scripts.
const PLAIN_USER_ID = /^@[a-z0-9._=\-/+]+:(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

/** A text cell as a spreadsheet must get it: with a `'` before a formula trigger. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_USER_ID.test(text) ? `'${text}` : text;
}

/** The value a cell written by {@link neutraliseFormula} came from. */
export function restoreFormulaCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
