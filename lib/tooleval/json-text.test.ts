import { describe, expect, it } from "vitest";
import { OrderedObject, dumpJsonIndented, keysInFileOrder, parseJsonKeepingOrder } from "./json-text";

describe("parseJsonKeepingOrder", () => {
  it("gives JSON.parse's values and remembers integer-like key order", () => {
    const text = '{"2": {"b": 1, "10": [true, null, -1.5e3, "\\u00e9\\n"]}, "0": {}, "x": "y"}';
    const value = parseJsonKeepingOrder(text) as Record<string, Record<string, unknown>>;
    expect(value).toEqual(JSON.parse(text));
    expect(keysInFileOrder(value)).toEqual(["2", "0", "x"]);
    expect(keysInFileOrder(value["2"]!)).toEqual(["b", "10"]);
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it("keeps the first position of a duplicated key, with the last value (as Python does)", () => {
    const value = parseJsonKeepingOrder('{"1": 1, "0": 0, "1": 2}') as object;
    expect(keysInFileOrder(value)).toEqual(["1", "0"]);
    expect(value).toEqual({ 0: 0, 1: 2 });
  });

  it("rejects malformed JSON", () => {
    for (const text of ["{", '{"a" 1}', "[1,]", "01", '"\t"', "{} x"]) {
      expect(() => parseJsonKeepingOrder(text), text).toThrow(SyntaxError);
    }
  });
});

describe("dumpJsonIndented", () => {
  it("writes Python's indent=4 layout with the requested key order", () => {
    // Python: json.dump({"2": {"b": [], "c": {}}, "0": ["é", 1]}, f, ensure_ascii=False, indent=4)
    const value = new OrderedObject([
      ["2", { b: [], c: {} }],
      ["0", ["é", 1]],
    ]);
    expect(dumpJsonIndented(value)).toBe(
      '{\n    "2": {\n        "b": [],\n        "c": {}\n    },\n    "0": [\n        "é",\n        1\n    ]\n}',
    );
  });

  it("writes parsed objects back in their file order", () => {
    const text = '{\n    "9": 1,\n    "1": true\n}';
    expect(dumpJsonIndented(parseJsonKeepingOrder(text))).toBe(text);
  });
});
