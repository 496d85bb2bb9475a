/**
 * JSON text with Python's key order. ToolEval's result files list query ids and evaluation rounds in
 * completion order, but a JavaScript object always iterates integer-like keys ascending, so
 * `JSON.parse` loses that order and `JSON.stringify` cannot write it. These helpers keep it.
 */

import { type FileContext, failFormat } from "./formats/format-error";

const KEY_ORDER = Symbol("keyOrder");

type WithKeyOrder = { [KEY_ORDER]?: string[] };

/** The keys of an object in the order of the text it was parsed from (or `Object.keys` order). */
export const keysInFileOrder = (value: object): string[] => (value as WithKeyOrder)[KEY_ORDER] ?? Object.keys(value);

const WHITESPACE = new Set([" ", "\t", "\n", "\r"]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;

/**
 * `JSON.parse` that also records each object's key order (first occurrence, as Python keeps it),
 * readable with {@link keysInFileOrder}. Values are otherwise identical to `JSON.parse`'s.
 */
export const parseJsonKeepingOrder = (text: string): unknown => {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SyntaxError(`${what} in JSON at position ${pos}`);
  };
  const skip = () => {
    while (WHITESPACE.has(text[pos]!)) pos += 1;
  };
  const token = (pattern: RegExp): string | undefined => {
    pattern.lastIndex = pos;
    const match = pattern.exec(text)?.[0];
    if (match !== undefined) pos += match.length;

    return match;
  };
  const punct = (char: string) => {
    skip();
    if (text[pos] !== char) fail(`Expected '${char}'`);
    pos += 1;
  };

  const value = (): unknown => {
    skip();
    const ch = text[pos];
    if (ch === "{") return object();
    if (ch === "[") return array();
    if (ch === '"') return JSON.parse(token(STRING) ?? fail("Bad string"));
    for (const [word, literal] of [["true", true], ["false", false], ["null", null]] as const) {
      if (text.startsWith(word, pos)) {
        pos += word.length;

        return literal;
      }
    }

    return Number(token(NUMBER) ?? fail("Unexpected token"));
  };

  const array = (): unknown[] => {
    const items: unknown[] = [];
    pos += 1;
    skip();
    if (text[pos] === "]") {
      pos += 1;

      return items;
    }
    for (;;) {
      items.push(value());
      skip();
      if (text[pos] === "]") break;
      punct(",");
    }
    pos += 1;

    return items;
  };

  const object = (): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    const order: string[] = [];
    pos += 1;
    skip();
    if (text[pos] !== "}") {
      for (;;) {
        skip();
        const key = JSON.parse(token(STRING) ?? fail("Expected a property name")) as string;
        punct(":");
        if (!Object.hasOwn(result, key)) order.push(key);
        result[key] = value();
        skip();
        if (text[pos] === "}") break;
        punct(",");
      }
    }
    pos += 1;
    Object.defineProperty(result, KEY_ORDER, { value: order, enumerable: false });

    return result;
  };

  const result = value();
  skip();
  if (pos !== text.length) fail("Unexpected non-whitespace character after JSON");

  return result;
};

/** An object whose entries are written in exactly this order by {@link dumpJsonIndented}. */
export class OrderedObject {
  constructor(readonly entries: readonly (readonly [string, unknown])[]) {}
}

/**
 * Python's `json.dump(value, f, ensure_ascii=False, indent=4)`: the layout of `JSON.stringify` with
 * an indent (Python writes no space before a newline and `[]`/`{}` for empty containers, the same),
 * plus {@link OrderedObject}s for keys that must keep a non-numeric order.
 */
export const dumpJsonIndented = (value: unknown, indent = 4): string => {
  const write = (item: unknown, depth: number): string => {
    const inner = " ".repeat(indent * (depth + 1));
    const outer = " ".repeat(indent * depth);
    const block = (open: string, close: string, parts: string[]) =>
      parts.length === 0 ? `${open}${close}` : `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${outer}${close}`;
    if (item instanceof OrderedObject) {
      const parts = item.entries.map(([key, entry]) => `${JSON.stringify(key)}: ${write(entry, depth + 1)}`);

      return block("{", "}", parts);
    }
    if (Array.isArray(item)) return block("[", "]", item.map((entry) => write(entry, depth + 1)));
    if (item !== null && typeof item === "object") {
      return write(new OrderedObject(keysInFileOrder(item).map((key) => [key, (item as Record<string, unknown>)[key]])), depth);
    }

    return JSON.stringify(item) ?? "null";
  };

  return write(value, 0);
};

/**
 * Accepts file text, parsed with {@link parseJsonKeepingOrder}, or an already parsed value (whose
 * integer-like keys are then in ascending order). Bad text is a `FormatError` naming the file.
 */
export const parseJsonInput = (input: unknown, context: FileContext = {}): unknown => {
  if (typeof input !== "string") return input;
  try {
    return parseJsonKeepingOrder(input);
  } catch (error) {
    return failFormat({ file: context.file, path: "", message: `not valid JSON: ${(error as Error).message}` });
  }
};
