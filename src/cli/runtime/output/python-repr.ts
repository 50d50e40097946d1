// Python's str.isprintable() is false for these categories; repr() escapes
// such characters (except the plain space).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  "\t": "\\t",
  "\n": "\\n",
  "\r": "\\r",
};

function escapeCodePoint(char: string): string {
  const code = char.codePointAt(0)!;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, "0")}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, "0")}`;
  return `\\U${code.toString(16).padStart(8, "0")}`;
}

/** Returns Python's `repr()` of a string. */
export function reprString(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let body = "";
  for (const char of text) {
    const named = NAMED_ESCAPES[char];
    if (named !== undefined) body += named;
    else if (char === quote) body += `\\${char}`;
    else if (char !== " " && NON_PRINTABLE.test(char)) body += escapeCodePoint(char);
    else body += char;
  }
  return quote + body + quote;
}

/**
 * Returns Python's `repr()` of a number parsed from JSON. Integral values are
 * printed as Python ints, since JSON parsing in JavaScript cannot tell `1.0`
 * from `1`; other values follow float repr, which switches to exponent
 * notation below 1e-4 (JavaScript waits until 1e-7).
 */
export function reprNumber(value: number): string {
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  if (!Number.isFinite(value)) return Number.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
  const [mantissa = "", exponentText = ""] = value.toExponential().split("e");
  const exponent = Number(exponentText);
  if (exponent >= -4) return String(value);
  return `${mantissa}e-${String(-exponent).padStart(2, "0")}`;
}
