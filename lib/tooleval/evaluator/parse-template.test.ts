import { describe, expect, it } from "vitest";
import { parseFunctionTemplates, parseMessageTemplates } from "./parse-template";

describe("parseFunctionTemplates", () => {
  it("keeps the text between the description tags including its newlines", () => {
    const template = "<function>\n<name>f</name>\n<description>\nHello {x}\n</description>\n</function>\n\n<function><name>g</name><description>G</description></function>";
    expect(parseFunctionTemplates(template)).toEqual({ f: "\nHello {x}\n", g: "G" });
  });

  it("fails on a block without a description", () => {
    expect(() => parseFunctionTemplates("<function><name>f</name></function>")).toThrow(/description/);
  });
});

describe("parseMessageTemplates", () => {
  it("reads role and content blocks in order", () => {
    const template = "<message>\n<role>system</role>\n<content>S</content>\n</message>\n<message><role>user</role><content>U {x}</content></message>";
    expect(parseMessageTemplates(template)).toEqual([
      { role: "system", content: "S" },
      { role: "user", content: "U {x}" },
    ]);
  });
});
