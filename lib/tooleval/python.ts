/**
 * Python-compatible rendering. ToolEval builds its prompts and result files with Python's `str()`,
 * `json.dumps` and code-point slicing; JavaScript's equivalents differ in quoting, separators,
 * escaping and in how strings are indexed, so parity needs these re-implementations.
 */

/** Characters Python's `str.isprintable()` rejects: categories C* and Z* except the ASCII space. */
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

const hex = (code: number, width: number) => code.toString(16).padStart(width, "0");

/** Python `repr()` of a string: quote choice, escapes and `\x`/`\u`/`\U` forms as CPython writes them. */
export const pyReprString = (value: string): string => {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x7f) out += ch;
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      if (code <= 0xff) out += `\\x${hex(code, 2)}`;
      else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
      else out += `\\U${hex(code, 8)}`;
    } else out += ch;
  }

  return out + quote;
};

/**
 * Python `repr()` of a float. Python switches to exponent notation below 1e-4 and from 1e16 on and
 * always writes a two-digit exponent; JavaScript switches at other bounds and writes `1e-7`.
 */
export const pyReprFloat = (value: number): string => {
  if (Number.isNaN(value)) return "nan";
  if (!Number.isFinite(value)) return value > 0 ? "inf" : "-inf";
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    const [mantissa, exponent] = value.toExponential().split("e") as [string, string];
    const sign = exponent.startsWith("-") ? "-" : "+";
    const digits = exponent.replace(/^[-+]/, "").padStart(2, "0");

    return `${mantissa}e${sign}${digits}`;
  }

  return String(value);
};

/**
 * A number as Python would print it after `json.load`: JSON integers become `int`, everything else
 * `float`. JSON.parse cannot tell `1.0` from `1`, so integral values are rendered as ints.
 */
const pyReprNumber = (value: number): string =>
  Number.isInteger(value) && Math.abs(value) < 2 ** 53 ? String(value) : pyReprFloat(value);

/** Python `repr()` of a JSON-like value (what `str()` shows for values inside containers). */
export const pyRepr = (value: unknown): string => {
  if (value === null || value === undefined) return "None";
  if (typeof value === "string") return pyReprString(value);
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyReprNumber(value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${pyReprString(key)}: ${pyRepr(item)}`,
    );

    return `{${entries.join(", ")}}`;
  }

  throw new TypeError(`pyRepr: unsupported value of type ${typeof value}`);
};

/** Python `str()`: a string is itself, everything else is its repr. */
export const pyStr = (value: unknown): string => (typeof value === "string" ? value : pyRepr(value));

const JSON_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
};

/** A string as `json.dumps` writes it with `ensure_ascii=True`: everything outside ' '..'~' escaped. */
const pyJsonString = (value: string): string => {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value[i]!;
    const code = value.charCodeAt(i);
    const escape = JSON_ESCAPES[ch];
    if (escape) out += escape;
    else if (code < 0x20 || code > 0x7e) out += `\\u${hex(code, 4)}`;
    else out += ch;
  }

  return out + '"';
};

const pyJsonNumber = (value: number): string => {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";

  return pyReprNumber(value);
};

/**
 * `json.dumps(value)` with Python's defaults: separators ", " and ": ", non-ASCII as `\uXXXX`
 * (UTF-16 surrogate pairs for astral characters, as Python does), key order preserved.
 */
export const pyJsonDumps = (value: unknown): string => {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return pyJsonString(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return pyJsonNumber(value);
  if (Array.isArray(value)) return `[${value.map(pyJsonDumps).join(", ")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => `${pyJsonString(key)}: ${pyJsonDumps(item)}`);

    return `{${entries.join(", ")}}`;
  }

  throw new TypeError(`pyJsonDumps: unsupported value of type ${typeof value}`);
};

/** Python `s[:n]`: slices by Unicode code point, not by UTF-16 unit as `String.prototype.slice` does. */
export const pySlice = (value: string, end: number): string => {
  let count = 0;
  let index = 0;
  while (index < value.length && count < end) {
    const code = value.codePointAt(index)!;
    index += code > 0xffff ? 2 : 1;
    count += 1;
  }

  return value.slice(0, index);
};

/** Python `len(s)`: the number of code points. */
export const pyLen = (value: string): number => {
  let count = 0;
  for (const _ of value) count += 1;

  return count;
};
