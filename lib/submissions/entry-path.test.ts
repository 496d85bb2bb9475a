import { describe, expect, it } from "vitest";
import { isIgnoredPath, normalizeEntryPath } from "./entry-path";
import { modelOfPath, rawFileName, testSetOfPath, guessMethodFromNames } from "./guess";

const SETS = new Set(["G1_instruction", "G1_tool"]);

describe("normalizeEntryPath", () => {
  it("keeps folders and unifies separators", () => {
    expect(normalizeEntryPath("model\\G1_instruction\\1_CoT@1.json")).toEqual({ ok: true, path: "model/G1_instruction/1_CoT@1.json" });
    expect(normalizeEntryPath("./a//b.json")).toEqual({ ok: true, path: "a/b.json" });
  });

  it("refuses absolute paths, drive letters and .. segments", () => {
    for (const name of ["/etc/passwd", "C:/x.json", "c:\\x.json", "../x.json", "a/../../x.json", "a\\..\\x.json", ""]) {
      expect(normalizeEntryPath(name).ok, name).toBe(false);
    }
    expect(normalizeEntryPath("a/..b/x..json").ok).toBe(true);
  });

  it("ignores macOS metadata and dotfiles", () => {
    expect(isIgnoredPath("__MACOSX/model/._1_CoT@1.json")).toBe(true);
    expect(isIgnoredPath("model/.DS_Store")).toBe(true);
    expect(isIgnoredPath("model/.git/config")).toBe(true);
    expect(isIgnoredPath("model/G1_tool/1_CoT@1.json")).toBe(false);
  });
});

describe("guesses from names", () => {
  it("reads query id and method from raw answer names", () => {
    expect(rawFileName("m/G1_tool/588_DFS_woFilter_w2.json")).toEqual({ queryId: "588", method: "DFS_woFilter_w2" });
    expect(rawFileName("G1_tool.json")).toBeUndefined();
    expect(guessMethodFromNames(["a/1_CoT@1.json", "a/2_CoT@1.json", "a/3_DFS_woFilter_w2.json", "G1_tool.json"])).toBe("CoT@1");
    expect(guessMethodFromNames(["G1_tool.json"])).toBeNull();
  });

  it("finds the test set in folders or a converted file's name", () => {
    expect(testSetOfPath({ entryPath: "m/G1_tool/1_CoT@1.json", setNames: SETS, converted: false })).toBe("G1_tool");
    expect(testSetOfPath({ entryPath: "G1_tool.zip/1_CoT@1.json", setNames: SETS, converted: false })).toBe("G1_tool");
    expect(testSetOfPath({ entryPath: "m/G1_instruction.json", setNames: SETS, converted: true })).toBe("G1_instruction");
    expect(testSetOfPath({ entryPath: "m/answers.json", setNames: SETS, converted: true })).toBeUndefined();
  });

  it("takes the model from the folder above the test set or holding the converted file", () => {
    expect(modelOfPath({ entryPath: "virtual_chatgpt_cot/G1_instruction/1_CoT@1.json", setNames: SETS })).toBe("virtual_chatgpt_cot");
    expect(modelOfPath({ entryPath: "upload.zip/my_model/G1_tool/1_CoT@1.json", setNames: SETS })).toBe("my_model");
    expect(modelOfPath({ entryPath: "my_model.zip/G1_tool/1_CoT@1.json", setNames: SETS })).toBe("my_model");
    expect(modelOfPath({ entryPath: "converted/my_model/G1_tool.json", setNames: SETS })).toBe("my_model");
    expect(modelOfPath({ entryPath: "G1_tool/1_CoT@1.json", setNames: SETS })).toBeUndefined();
  });
});
