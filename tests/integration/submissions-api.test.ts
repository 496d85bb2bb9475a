import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as stagePost } from "../../app/api/uploads/route";
import { GET as getSubmissionRoute } from "../../app/api/v1/submissions/[id]/route";
import { GET as getSetRoute } from "../../app/api/v1/submissions/[id]/sets/[set]/route";
import { POST as submitPost } from "../../app/api/v1/submissions/route";
import { revokeApiToken } from "../../lib/auth/api-tokens";
import { getAuth } from "../../lib/auth/auth";
import { createUser } from "../../lib/users/users";
import { db } from "../../lib/db/client";
import { confirmUpload } from "../../lib/submissions/confirm";
import { uploadsRoot } from "../../lib/submissions/stage";
import { STB_EXAMPLE } from "../support/fixtures";
import { writeZipFile } from "../support/zip-writer";
import { useTestDatabase } from "./db";
import { BENCHMARK, folderParts, importSet, multipartRequest, rowCounts, tempDir, userWithToken, useTempDataDir } from "./submissions-helpers";

useTempDataDir();
// Small limits, read by the routes through lib/env (parsed once per test file).
process.env.TOOLEVAL_UPLOAD_MAX_BYTES = String(8 * 1024 * 1024);
process.env.TOOLEVAL_UPLOAD_MAX_FILE_BYTES = String(1024 * 1024);
process.env.TOOLEVAL_ZIP_MAX_ENTRIES = "20";
process.env.TOOLEVAL_ZIP_MAX_EXPANDED_BYTES = String(4 * 1024 * 1024);
useTestDatabase();

const URL_SUBMIT = "http://127.0.0.1:3000/api/v1/submissions";
const ANSWERS = path.join(STB_EXAMPLE, "answer");
const CONVERTED = path.join(STB_EXAMPLE, "model_predictions_converted");
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const zipBytes = (entries: Parameters<typeof writeZipFile>[1]) => {
  const file = path.join(tempDir(), "upload.zip");
  writeZipFile(file, entries);

  return fs.readFileSync(file);
};
const uploadsLeft = () => (fs.existsSync(uploadsRoot()) ? fs.readdirSync(uploadsRoot()) : []);

describe("the submissions API", () => {
  it("needs a valid token of a user allowed to submit", async () => {
    await importSet("G1_instruction");
    const files = folderParts(path.join(ANSWERS, "virtual_chatgpt_cot"));
    expect((await submitPost(multipartRequest({ url: URL_SUBMIT, files }), undefined)).status).toBe(401);
    expect((await submitPost(multipartRequest({ url: URL_SUBMIT, files, headers: bearer("te_not-a-real-token") }), undefined)).status).toBe(401);
    const annotator = await userWithToken("annotator");
    const refused = await submitPost(multipartRequest({ url: URL_SUBMIT, files, headers: bearer(annotator.token) }), undefined);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatch(/may not do this \(submissions:create\)/);
    const submitter = await userWithToken("submitter");
    await revokeApiToken({ id: submitter.tokenId });
    expect((await submitPost(multipartRequest({ url: URL_SUBMIT, files, headers: bearer(submitter.token) }), undefined)).status).toBe(401);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: submitter.tokenId } });
    expect(stored.tokenHash).not.toContain(submitter.token.slice(3));
    expect(submitter.token.startsWith(stored.prefix)).toBe(true);
  });

  it("stores a raw folder upload (201), recognises it again (200), and serves it back in ToolEval's format", async () => {
    const { token } = await userWithToken("submitter");
    const files = folderParts(path.join(ANSWERS, "virtual_chatgpt_dfs"));
    const dry = await submitPost(multipartRequest({ url: URL_SUBMIT, files, fields: { dryRun: "true" }, headers: bearer(token) }), undefined);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, report: { ok: true, guesses: { model: "virtual_chatgpt_dfs", method: "DFS_woFilter_w2" } } });
    expect(await db().model.count()).toBe(0);

    const created = await submitPost(multipartRequest({ url: URL_SUBMIT, files, fields: { benchmark: BENCHMARK, note: "from CI" }, headers: bearer(token) }), undefined);
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ deduplicated: false, submission: { model: "virtual_chatgpt_dfs", version: 1 }, sets: [{ testSet: "G1_instruction", status: "stored" }] });
    const repeated = await submitPost(multipartRequest({ url: URL_SUBMIT, files, headers: bearer(token) }), undefined);
    expect(repeated.status).toBe(200);
    expect(await repeated.json()).toMatchObject({ deduplicated: true, submission: { id: body.submission.id } });

    const params = Promise.resolve({ id: body.submission.id });
    const meta = await (await getSubmissionRoute(new Request(`${URL_SUBMIT}/${body.submission.id}`), { params })).json();
    expect(meta).toMatchObject({ model: "virtual_chatgpt_dfs", version: 1, note: "from CI", source: "api", sets: [{ testSet: "G1_instruction", answers: 3 }] });
    const download = await getSetRoute(new Request(`${URL_SUBMIT}/${body.submission.id}/sets/G1_instruction`), { params: Promise.resolve({ id: body.submission.id, set: "G1_instruction" }) });
    expect(download.headers.get("content-disposition")).toContain("virtual_chatgpt_dfs-v1-G1_instruction.json");
    expect(await download.json()).toStrictEqual(JSON.parse(fs.readFileSync(path.join(CONVERTED, "virtual_chatgpt_dfs/G1_instruction.json"), "utf8")));
    expect((await getSubmissionRoute(new Request(`${URL_SUBMIT}/nope`), { params: Promise.resolve({ id: "nope" }) })).status).toBe(404);
    expect(uploadsLeft()).toEqual([]);
  });

  it("answers 422 with the report for a malformed file in a batch, storing nothing", async () => {
    const { token } = await userWithToken("admin");
    const files = folderParts(path.join(ANSWERS, "virtual_chatgpt_cot"));
    const broken = files.find((file) => file.name.endsWith("1073_CoT@1.json"))!;
    const value = JSON.parse(broken.data.toString());
    delete value.answer_generation.query;
    broken.data = Buffer.from(JSON.stringify(value));
    const before = await rowCounts();
    const response = await submitPost(multipartRequest({ url: URL_SUBMIT, files, headers: bearer(token) }), undefined);
    expect(response.status).toBe(422);
    const { report } = await response.json();
    expect(report.failures).toEqual([
      { file: "virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json", queryId: "1073", path: "answer_generation.query", message: "missing required field (expected string)" },
    ]);
    expect(await rowCounts()).toEqual(before);
    expect(uploadsLeft()).toEqual([]);
  });

  it("refuses zip bombs and ../ entries, and uploads over the size limit", async () => {
    const { token } = await userWithToken("submitter");
    const send = (data: Buffer, name = "answers.zip", headers: Record<string, string> = {}) =>
      submitPost(multipartRequest({ url: URL_SUBMIT, files: [{ name, data }], headers: { ...bearer(token), ...headers } }), undefined);
    const traversal = await send(zipBytes([{ name: "m/G1_instruction/../../../etc/1_CoT@1.json", data: "{}" }]));
    expect(traversal.status).toBe(422);
    expect((await traversal.json()).error).toMatch(/points outside the archive/);
    const bomb = await send(zipBytes([{ name: "m/G1_instruction/1_CoT@1.json", data: Buffer.alloc(3 * 1024 * 1024), method: "deflate" }]));
    expect(bomb.status).toBe(413);
    expect((await bomb.json()).error).toMatch(/over the per-file limit of 1 MiB \(TOOLEVAL_UPLOAD_MAX_FILE_BYTES\)/);
    const many = await send(zipBytes(Array.from({ length: 25 }, (_, index) => ({ name: `m/G1_instruction/${index}_CoT@1.json`, data: "{}" }))));
    expect(many.status).toBe(413);
    expect((await many.json()).error).toMatch(/25 entries, more than the limit of 20/);
    const liar = await send(zipBytes([{ name: "m/G1_instruction/1_CoT@1.json", data: Buffer.alloc(900 * 1024), method: "deflate", declaredSize: 10 }]));
    expect(liar.status).toBe(413);
    const large = await send(Buffer.alloc(9 * 1024 * 1024), "big.json");
    expect(large.status).toBe(413);
    // Without Content-Length the limit is enforced while streaming; with it, before reading anything.
    expect((await large.json()).error).toMatch(/larger than 8 MiB \(TOOLEVAL_UPLOAD_MAX_BYTES\)/);
    const declared = await submitPost(
      new Request(URL_SUBMIT, { method: "POST", body: "x", headers: { ...bearer(token), "content-type": "multipart/form-data; boundary=x", "content-length": String(9 * 1024 * 1024) } }),
      undefined,
    );
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatch(/is 9 MiB, over the limit of 8 MiB/);
    expect(uploadsLeft()).toEqual([]);
  });

  it("stages a page upload with NDJSON progress and stores it only when confirmed", async () => {
    const { token, userId } = await userWithToken("submitter");
    const zip = zipBytes(folderParts(path.join(ANSWERS, "virtual_chatgpt_cot")).map((file) => ({ name: file.name, data: file.data, method: "deflate" as const })));
    const response = await stagePost(multipartRequest({ url: "http://127.0.0.1:3000/api/uploads", files: [{ name: "cot.zip", data: zip }], headers: bearer(token) }), undefined);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.at(-2)).toEqual({ type: "progress", processed: 3, total: 3 });
    const { uploadId, report } = lines.at(-1);
    expect(report).toMatchObject({ ok: true, guesses: { model: "virtual_chatgpt_cot", method: "CoT@1" } });
    expect(uploadsLeft()).toEqual([uploadId]);
    const before = await rowCounts();
    await expect(confirmUpload({ uploadId, model: "cot_model", method: "CoT@2", benchmark: BENCHMARK, userId })).rejects.toThrow(/converted with the method CoT@1/);
    const other = await userWithToken("submitter");
    await expect(confirmUpload({ uploadId, model: "cot_model", method: "CoT@1", benchmark: BENCHMARK, userId: other.userId })).rejects.toThrow(/no longer waiting/);
    expect(await rowCounts()).toEqual(before);
    const stored = await confirmUpload({ uploadId, model: "cot_model", method: "CoT@1", benchmark: BENCHMARK, note: "via page", userId });
    expect(stored).toMatchObject({ deduplicated: false, submission: { model: "cot_model", version: 1 } });
    expect(uploadsLeft()).toEqual([]);
    await expect(confirmUpload({ uploadId, model: "cot_model", method: "CoT@1", benchmark: BENCHMARK, userId })).rejects.toThrow(/no longer waiting/);
  });

  it("accepts a browser session from its own pages only", async () => {
    await importSet("G1_instruction");
    const email = `session-${Date.now()}@example.org`;
    await createUser({ email, name: "Session", password: "password-123", role: "submitter" });
    const signIn = await getAuth().api.signInEmail({ body: { email, password: "password-123" }, asResponse: true });
    const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    const files = [{ name: "G1_instruction.json", data: "{}" }];
    const send = (origin: string) => submitPost(multipartRequest({ url: URL_SUBMIT, files, headers: { cookie, origin, host: "127.0.0.1:3000" } }), undefined);
    const crossSite = await send("https://evil.example");
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatch(/Cross-site request refused/);
    const sameSite = await send("http://127.0.0.1:3000");
    expect(sameSite.status).toBe(422);
    expect((await sameSite.json()).report.failures[0].message).toMatch(/not an answer file: an empty object/);
  });
});
