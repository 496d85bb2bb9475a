import { describe, expect, it } from "vitest";
import { pyJsonDumps, pyLen, pyRepr, pyReprFloat, pyReprString, pySlice, pyStr } from "./python";

describe("pyReprString", () => {
  it("prefers single quotes and switches to double quotes only for a lone apostrophe", () => {
    expect(pyReprString("abc")).toBe("'abc'");
    expect(pyReprString("it's")).toBe(`"it's"`);
    expect(pyReprString(`it's "x"`)).toBe(`'it\\'s "x"'`);
    expect(pyReprString(`say "hi"`)).toBe(`'say "hi"'`);
  });

  it("escapes backslashes, newlines, tabs and control characters like CPython", () => {
    expect(pyReprString("a\\b\n\r\t")).toBe("'a\\\\b\\n\\r\\t'");
    expect(pyReprString("\u0000\u001b\u007f")).toBe("'\\x00\\x1b\\x7f'");
  });

  it("keeps printable non-ASCII and escapes non-printable separators and format characters", () => {
    expect(pyReprString("café 東京 😀")).toBe("'café 東京 😀'");
    expect(pyReprString("a\u00a0b")).toBe("'a\\xa0b'");
    expect(pyReprString("a\u200bb")).toBe("'a\\u200bb'");
    expect(pyReprString("a\u2028b")).toBe("'a\\u2028b'");
  });
});

describe("pyRepr / pyStr", () => {
  it("renders dicts in insertion order with Python literals", () => {
    const value = { name: "Finish", arguments: '{\n  "return_type": "give_answer"\n}', response: "", n: 2, ok: true, none: null };
    expect(pyStr(value)).toBe(
      `{'name': 'Finish', 'arguments': '{\\n  "return_type": "give_answer"\\n}', 'response': '', 'n': 2, 'ok': True, 'none': None}`,
    );
    expect(pyRepr([1, "a", [true]])).toBe("[1, 'a', [True]]");
    expect(pyStr("plain")).toBe("plain");
  });

  it("writes floats the way Python does", () => {
    expect(pyReprFloat(0.5)).toBe("0.5");
    expect(pyReprFloat(1e-5)).toBe("1e-05");
    expect(pyReprFloat(1.5e-7)).toBe("1.5e-07");
    expect(pyReprFloat(1e16)).toBe("1e+16");
    expect(pyReprFloat(3)).toBe("3.0");
    expect(pyRepr(0.25)).toBe("0.25");
  });
});

describe("pyJsonDumps", () => {
  it("uses Python separators and ASCII escapes", () => {
    expect(pyJsonDumps({ a: [1, 2], b: { c: "x" } })).toBe('{"a": [1, 2], "b": {"c": "x"}}');
    expect(pyJsonDumps("é東\u007f")).toBe('"\\u00e9\\u6771\\u007f"');
    expect(pyJsonDumps("😀")).toBe('"\\ud83d\\ude00"');
    expect(pyJsonDumps('q"\\\n\t\b\f\u0001')).toBe('"q\\"\\\\\\n\\t\\b\\f\\u0001"');
    expect(pyJsonDumps([])).toBe("[]");
    expect(pyJsonDumps({})).toBe("{}");
    expect(pyJsonDumps(1e-7)).toBe("1e-07");
  });
});

describe("pySlice / pyLen", () => {
  it("counts code points, not UTF-16 units", () => {
    expect(pySlice("😀😀😀", 2)).toBe("😀😀");
    expect(pySlice("abc", 10)).toBe("abc");
    expect(pyLen("a😀b")).toBe(3);
  });
});
