import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { STB_EXAMPLE } from "../../tests/support/fixtures";
import { writeZipFile, type ZipEntrySpec } from "../../tests/support/zip-writer";
import { openFiles } from "./entries";
import { UploadLimitError, type UploadLimits } from "./limits";

const LIMITS: UploadLimits = { maxUploadBytes: 10e6, maxFileBytes: 1e6, maxZipEntries: 10, maxZipExpandedBytes: 2e6 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-zip-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
const zip = (entries: ZipEntrySpec[], name = `upload-${(count += 1)}.zip`) => {
  const file = path.join(dir, name);
  writeZipFile(file, entries);

  return { file, label: name, size: fs.statSync(file).size };
};
const open = (entries: ZipEntrySpec[], limits = LIMITS) => openFiles({ files: [zip(entries)], limits });

describe("zip uploads", () => {
  it("lists entries lazily, skipping folders, __MACOSX and dotfiles, and expands them on read", async () => {
    const answer = fs.readFileSync(path.join(STB_EXAMPLE, "answer/virtual_chatgpt_cot/G1_instruction/588_CoT@1.json"));
    const source = await openFiles({
      files: [
        zip(
          [
            { name: "m/G1_instruction/", data: "" },
            { name: "m/G1_instruction/588_CoT@1.json", data: answer, method: "deflate" },
            { name: "__MACOSX/m/G1_instruction/._588_CoT@1.json", data: "x" },
            { name: "m/.DS_Store", data: "x" },
          ],
          "m.zip",
        ),
      ],
      limits: LIMITS,
    });
    expect(source.entries.map((entry) => entry.path)).toEqual(["m.zip/m/G1_instruction/588_CoT@1.json"]);
    expect((await source.entries[0]!.read()).equals(answer)).toBe(true);
    await source.close();
  });

  it("refuses entries that climb out with .. or are absolute", async () => {
    await expect(open([{ name: "ok.json", data: "{}" }, { name: "../evil.json", data: "{}" }])).rejects.toThrow(/points outside the archive/);
    await expect(open([{ name: "a/../../evil.json", data: "{}" }])).rejects.toThrow(/points outside the archive/);
    await expect(open([{ name: "/etc/evil.json", data: "{}" }])).rejects.toThrow(/absolute path/);
  });

  it("refuses zip bombs: too many entries, declared sizes over the limits, and lying headers", async () => {
    const many = Array.from({ length: 11 }, (_, index) => ({ name: `${index}.json`, data: "{}" }));
    await expect(open(many)).rejects.toThrow(/11 entries, more than the limit of 10/);
    const zeros = Buffer.alloc(1.5e6);
    await expect(open([{ name: "big.json", data: zeros, method: "deflate" }])).rejects.toThrow(/over the per-file limit/);
    const parts = Array.from({ length: 3 }, (_, index) => ({ name: `${index}.json`, data: Buffer.alloc(0.9e6), method: "deflate" as const }));
    await expect(open(parts)).rejects.toBeInstanceOf(UploadLimitError);
    const liar = await open([{ name: "small.json", data: zeros, method: "deflate", declaredSize: 100 }]);
    await expect(liar.entries[0]!.read()).rejects.toThrow(/refused/);
    await liar.close();
  });

  it("refuses a file that is not a zip, and uploads over the size limit", async () => {
    const fake = path.join(dir, "fake.zip");
    fs.writeFileSync(fake, "not a zip");
    await expect(openFiles({ files: [{ file: fake, label: "fake.zip", size: 9 }], limits: LIMITS })).rejects.toThrow(/not a zip archive/);
    await expect(openFiles({ files: [{ file: fake, label: "fake.zip", size: 11e6 }], limits: LIMITS })).rejects.toThrow(/over the limit of/);
  });
});
