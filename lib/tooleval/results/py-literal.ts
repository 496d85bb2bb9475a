/**
 * Reads the Python literals ToolEval leaves in its TSV files (`str(list)`, `str(dict)`): the inverse
 * of `pyRepr` for strings, integers, booleans, None, lists and dicts. Dicts come back as entry lists
 * because their key order (round completion order) and key types (int or str) are meaningful.
 */

export type PyValue = string | number | boolean | null | PyValue[] | PyDict;
export type PyDict = { entries: [PyValue, PyValue][] };

const SIMPLE_ESCAPES: Record<string, string> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  r: "\r",
  t: "\t",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "0": "\0",
};

const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Parses one Python literal; throws a SyntaxError naming the offset on anything else. */
export const parsePyLiteral = (text: string): PyValue => {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} at offset ${pos} of Python literal`);
  };
  const skipSpace = () => {
    while (pos < text.length && /\s/.test(text[pos]!)) pos += 1;
  };
  const expect = (token: string) => {
    skipSpace();
    if (!text.startsWith(token, pos)) fail(`expected "${token}"`);
    pos += token.length;
  };

  const readString = (): string => {
    const quote = text[pos]!;
    pos += 1;
    let out = "";
    while (pos < text.length && text[pos] !== quote) {
      const ch = text[pos]!;
      if (ch !== "\\") {
        out += ch;
        pos += 1;
        continue;
      }
      const code = text[pos + 1] ?? "";
      const width = HEX_ESCAPES[code];
      if (width !== undefined) {
        const hex = text.slice(pos + 2, pos + 2 + width);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) fail("bad escape");
        out += String.fromCodePoint(parseInt(hex, 16));
        pos += 2 + width;
      } else if (code in SIMPLE_ESCAPES) {
        out += SIMPLE_ESCAPES[code];
        pos += 2;
      } else {
        out += `\\${code}`;
        pos += 2;
      }
    }
    if (pos >= text.length) fail("unterminated string");
    pos += 1;

    return out;
  };

  const readSequence = <T>(close: string, readItem: () => T): T[] => {
    const items: T[] = [];
    pos += 1;
    skipSpace();
    while (text[pos] !== close) {
      items.push(readItem());
      skipSpace();
      if (text[pos] === ",") {
        pos += 1;
        skipSpace();
      } else if (text[pos] !== close) fail(`expected "," or "${close}"`);
    }
    pos += 1;

    return items;
  };

  const readValue = (): PyValue => {
    skipSpace();
    const ch = text[pos];
    if (ch === "'" || ch === '"') return readString();
    if (ch === "[") return readSequence("]", readValue);
    if (ch === "{") {
      const entries = readSequence("}", (): [PyValue, PyValue] => {
        const key = readValue();
        expect(":");

        return [key, readValue()];
      });

      return { entries };
    }
    const word = /^(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|True|False|None)/.exec(text.slice(pos))?.[0];
    if (!word) return fail("unexpected character");
    pos += word.length;
    if (word === "True" || word === "False") return word === "True";
    if (word === "None") return null;

    return Number(word);
  };

  const value = readValue();
  skipSpace();
  if (pos !== text.length) fail("unexpected trailing text");

  return value;
};

export const isPyDict = (value: PyValue): value is PyDict =>
  typeof value === "object" && value !== null && !Array.isArray(value);
