import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { createApiToken } from "../../lib/auth/api-tokens";
import { db } from "../../lib/db/client";
import { openPathSource } from "../../lib/submissions/entries";
import { importQueries } from "../../lib/submissions/import-queries";
import type { UploadLimits } from "../../lib/submissions/limits";
import { submitUpload } from "../../lib/submissions/process-upload";
import type { UploadFields } from "../../lib/submissions/schemas";
import { createUser } from "../../lib/users/users";
import { STB_FIXTURES } from "../support/fixtures";

/** Shared set-up of the submissions integration tests. */

export const BENCHMARK = "StableToolBench";
export const QUERIES = path.join(STB_FIXTURES, "solvable_queries");
export const LIMITS: UploadLimits = { maxUploadBytes: 100e6, maxFileBytes: 20e6, maxZipEntries: 1000, maxZipExpandedBytes: 100e6 };

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A throwaway folder, deleted after the test file. */
export const tempDir = (prefix = "tooleval-upload-") => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);

  return dir;
};

/** Points uploads (TOOLEVAL_DATA_DIR) at a throwaway folder; call before anything reads the env. */
export const useTempDataDir = () => {
  const dir = tempDir("tooleval-data-");
  process.env.TOOLEVAL_DATA_DIR = dir;

  return dir;
};

export const readText = (file: string) => ({ name: path.basename(file), content: fs.readFileSync(file, "utf8") });

/** Imports a StableToolBench test set (query file + test ids) into the benchmark. */
export const importSet = (testSet: string, benchmark = BENCHMARK) =>
  importQueries({
    benchmark,
    testSet,
    queries: readText(path.join(QUERIES, "test_instruction", `${testSet}.json`)),
    ids: readText(path.join(QUERIES, "test_query_ids", `${testSet}.json`)),
  });

/** What the CLI does: check a file, folder or zip and store it when the report is ok. */
export const submitPath = async (target: string, fields: Partial<UploadFields> = {}, userId: string | null = null) => {
  const source = await openPathSource({ target, limits: LIMITS });
  const dir = tempDir();
  try {
    return await submitUpload({ source, fields: { dryRun: false, ...fields }, dir, origin: "cli", userId });
  } finally {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

export const rowCounts = async () => ({
  models: await db().model.count(),
  submissions: await db().submission.count(),
  sets: await db().submissionSet.count(),
  paths: await db().solutionPath.count(),
});

let users = 0;

/** A user of `role` with an API token. */
export const userWithToken = async (role: "admin" | "submitter" | "annotator") => {
  users += 1;
  const email = `${role}-${users}-${Date.now().toString(36)}@example.org`;
  const user = await createUser({ email, name: role, password: "password-123", role });
  const { token, id } = await createApiToken({ userId: user.id, name: `${role} token` });

  return { userId: user.id, token, tokenId: id };
};

/** A multipart request as a CI pipeline (or the page) sends it. */
export const multipartRequest = ({
  url,
  files,
  fields = {},
  headers = {},
}: {
  url: string;
  files: { name: string; data: Buffer | string }[];
  fields?: Record<string, string>;
  headers?: Record<string, string>;
}) => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) form.append("files", new File([typeof file.data === "string" ? file.data : new Uint8Array(file.data)], file.name));

  return new Request(url, { method: "POST", body: form, headers });
};

/** Every file of a folder as multipart parts named by their path from the folder's parent. */
export const folderParts = (folder: string) => {
  const base = path.dirname(folder);

  return (fs.readdirSync(folder, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);

      return { name: path.relative(base, file), data: fs.readFileSync(file) };
    });
};
