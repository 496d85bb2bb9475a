import { describe, expect, it } from "vitest";
import { pyRepr } from "../python";
import { parsePyLiteral } from "./py-literal";

describe("parsePyLiteral", () => {
  it("inverts pyRepr for lists of awkward strings", () => {
    const names = ["it's", 'a"b', "both ' and \"", "é\u200b", "tab\tnew\nline\\", "\u0001", "😀"];
    expect(parsePyLiteral(pyRepr(names))).toEqual(names);
  });

  it("reads dicts as ordered entries with int or str keys", () => {
    // Python: repr({2: 'AnswerStatus.Solved', '0': 'x'}).
    expect(parsePyLiteral("{2: 'AnswerStatus.Solved', '0': 'x'}")).toEqual({
      entries: [
        [2, "AnswerStatus.Solved"],
        ["0", "x"],
      ],
    });
    expect(parsePyLiteral("{}")).toEqual({ entries: [] });
  });

  it("reads scalars and rejects anything else", () => {
    expect(parsePyLiteral("[True, False, None, -3, 1.5]")).toEqual([true, false, null, -3, 1.5]);
    expect(() => parsePyLiteral("['a'")).toThrow(SyntaxError);
    expect(() => parsePyLiteral("['a'] x")).toThrow(/trailing/);
    expect(() => parsePyLiteral("'\\x4'")).toThrow(/escape/);
  });
});
