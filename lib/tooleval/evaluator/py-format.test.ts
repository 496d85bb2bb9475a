import { describe, expect, it } from "vitest";
import { pyFormat, TemplateFormatError, templatePlaceholders } from "./py-format";

describe("pyFormat", () => {
  it("substitutes named fields and keeps the rest verbatim", () => {
    expect(pyFormat("Query:\n{query}\nAnswer:\n{answer}\n", { query: "q", answer: "a" })).toBe("Query:\nq\nAnswer:\na\n");
  });

  it("treats doubled braces as literal braces, as Python does", () => {
    expect(pyFormat('{{"x": {v}}}', { v: "1" })).toBe('{"x": 1}');
  });

  it("never re-scans inserted values", () => {
    expect(pyFormat("{a}", { a: "{b} and {{c}}" })).toBe("{b} and {{c}}");
  });

  it("applies !r as Python repr", () => {
    expect(pyFormat("{a!r}", { a: "it's" })).toBe(`"it's"`);
  });

  it("rejects what Python would reject", () => {
    expect(() => pyFormat("{missing}", {})).toThrow(TemplateFormatError);
    expect(() => pyFormat("a } b", {})).toThrow(/Single '}'/);
    expect(() => pyFormat("a { b", {})).toThrow(/Single '{'/);
    expect(() => pyFormat("{}", {})).toThrow(/Positional/);
    expect(() => pyFormat("{a.b}", { a: "x" })).toThrow(/Attribute/);
  });

  it("lists placeholders, ignoring escaped braces", () => {
    expect(templatePlaceholders("{query} {{literal}} {answer} {query}")).toEqual(["query", "answer"]);
  });
});
