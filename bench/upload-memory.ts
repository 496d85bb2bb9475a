/**
 * Peak memory of the web server while a large zip goes through POST /api/v1/submissions.
 *
 *   node --import tsx bench/upload-memory.ts [--size-mb 200] [--max-old-space-mb 160]
 *
 * Builds a zip of raw DFS answers (the StableToolBench example answers replicated under new query
 * ids, stored uncompressed so the archive is as large as its content), starts the production build
 * (`next start`, as `npm start` does) on a throwaway embedded PostgreSQL, and samples every server
 * process's process.memoryUsage() every 25 ms through a preloaded probe, per phase (idle, upload).
 * It also reads the kernel's peak RSS (VmHWM). With --max-old-space-mb the server runs with that V8
 * heap cap, which shows whether the upload needs heap in proportion to its size. Prints what it
 * measured; nothing is extrapolated.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createApiToken } from "../lib/auth/api-tokens";
import { disconnectDb, useDatabaseUrl } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";
import { importQueries } from "../lib/submissions/import-queries";
import { createUser } from "../lib/users/users";
import { ensureBuild } from "../server/build";
import { STB_FIXTURES } from "../tests/support/fixtures";
import { writeZipFile } from "../tests/support/zip-writer";

const ROOT = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({
  options: { "size-mb": { type: "string", default: "200" }, port: { type: "string", default: "3290" }, "max-old-space-mb": { type: "string" } },
});
const targetBytes = Number(values["size-mb"]) * 1024 * 1024;
const port = Number(values.port);
const MiB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

const PROBE = `
const fs = require("node:fs");
const dir = process.env.MEM_PROBE_DIR;
const peaks = {};
setInterval(() => {
  let phase = "idle";
  try { phase = fs.readFileSync(dir + "/phase", "utf8").trim() || "idle"; } catch {}
  const now = process.memoryUsage();
  const peak = (peaks[phase] ??= { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, arrayBuffers: 0 });
  for (const key of Object.keys(peak)) peak[key] = Math.max(peak[key], now[key]);
  fs.writeFileSync(dir + "/" + process.pid + ".json", JSON.stringify({ argv: process.argv.slice(1, 3).join(" "), peaks }));
}, 25).unref();
`;

const buildZip = (work: string) => {
  const source = path.join(STB_FIXTURES, "data_example/answer/virtual_chatgpt_dfs/G1_instruction");
  const answers = fs.readdirSync(source).map((name) => fs.readFileSync(path.join(source, name)));
  const file = path.join(work, "bench_dfs.zip");
  let bytes = 0;
  let count = 0;
  writeZipFile(
    file,
    (function* () {
      while (bytes < targetBytes) {
        const data = answers[count % answers.length]!;
        bytes += data.length;
        yield { name: `bench_dfs/G1_instruction/${9_000_000 + count}_DFS_woFilter_w2.json`, data };
        count += 1;
      }
    })(),
  );

  return { file, count, expanded: bytes, size: fs.statSync(file).size };
};

const vmHwm = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");

  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};

const descendants = (pid: number): number[] => {
  let listed = "";
  try {
    listed = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
  } catch {
    // ps exits 1 when the process has no children.
  }

  return [pid, ...listed.split("\n").map(Number).filter(Boolean).flatMap(descendants)];
};

const waitFor = async (url: string) => {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (await fetch(url).then((response) => response.ok).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not come up`);
};

const main = async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-bench-"));
  process.env.TOOLEVAL_SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
  process.env.TOOLEVAL_DATA_DIR = path.join(work, "data");
  const pg = await startEmbeddedPostgres(path.join(work, "pg"));
  let server: ReturnType<typeof spawn> | undefined;
  try {
    const url = pg.url();
    await migrate(url);
    useDatabaseUrl(url);
    for (const set of ["G1_instruction"]) {
      const read = (dir: string) => ({ name: `${set}.json`, content: fs.readFileSync(path.join(STB_FIXTURES, "solvable_queries", dir, `${set}.json`), "utf8") });
      await importQueries({ benchmark: "StableToolBench", testSet: set, queries: read("test_instruction"), ids: read("test_query_ids") });
    }
    const user = await createUser({ email: "bench@example.org", name: "bench", password: "bench-password", role: "submitter" });
    const { token } = await createApiToken({ userId: user.id, name: "bench" });
    await disconnectDb();

    const zip = buildZip(work);
    console.log(`zip: ${MiB(zip.size)} on disk, ${zip.count} raw DFS answer files (stored, uncompressed), ${MiB(zip.expanded)} of JSON`);

    fs.writeFileSync(path.join(work, "probe.cjs"), PROBE);
    fs.writeFileSync(path.join(work, "phase"), "idle");
    await ensureBuild(ROOT);
    server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: url, MEM_PROBE_DIR: work, NODE_OPTIONS: [`--require ${path.join(work, "probe.cjs")}`, values["max-old-space-mb"] ? `--max-old-space-size=${values["max-old-space-mb"]}` : ""].join(" ").trim() },
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    await new Promise((resolve) => setTimeout(resolve, 500));

    fs.writeFileSync(path.join(work, "phase"), "upload");
    const form = new FormData();
    form.append("model", "bench_dfs");
    form.append("method", "DFS_woFilter_w2");
    form.append("files", await fs.openAsBlob(zip.file), "bench_dfs.zip");
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/submissions`, { method: "POST", body: form, headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { submission?: { version: number }; report?: { sets: { answers: number; unknownQueryIds: string[] }[] }; error?: string };
    const seconds = (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 100));
    fs.writeFileSync(path.join(work, "phase"), "after");

    console.log(`server heap cap: ${values["max-old-space-mb"] ? `${values["max-old-space-mb"]} MiB (--max-old-space-size)` : "Node's default"}`);
    console.log(`POST /api/v1/submissions: HTTP ${response.status} in ${seconds.toFixed(1)} s (upload, check, convert and store in one request)`);
    console.log(`  ${body.error ?? `stored version ${body.submission?.version}: ${body.report?.sets.map((set) => `${set.answers} answers (${set.unknownQueryIds.length} ids unknown to the benchmark)`).join(", ")}`}`);
    for (const pid of descendants(server.pid!)) {
      const probe = path.join(work, `${pid}.json`);
      if (!fs.existsSync(probe)) continue;
      const { argv, peaks } = JSON.parse(fs.readFileSync(probe, "utf8")) as { argv: string; peaks: Record<string, Record<string, number>> };
      const line = (phase: string) => {
        const peak = peaks[phase];

        return peak ? `rss ${MiB(peak.rss!)}, heapUsed ${MiB(peak.heapUsed!)}, heapTotal ${MiB(peak.heapTotal!)}, external ${MiB(peak.external!)}, arrayBuffers ${MiB(peak.arrayBuffers!)}` : "no sample";
      };
      console.log(`process ${pid} (${argv}): kernel peak RSS (VmHWM) ${MiB(vmHwm(pid))}`);
      console.log(`  idle, before the upload: ${line("idle")}`);
      console.log(`  during the upload:       ${line("upload")}`);
    }
  } finally {
    if (server?.pid) {
      for (const pid of descendants(server.pid).reverse()) process.kill(pid, "SIGTERM");
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await pg.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
};

// The production build in .next is shared with the end-to-end tests: build and serve it under their lock.
if (process.env.TOOLEVAL_BENCH_LOCKED) await main();
else {
  const child = spawn("flock", ["/tmp/tooleval-e2e.lock", process.execPath, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, TOOLEVAL_BENCH_LOCKED: "1" },
  });
  process.exitCode = await new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
}
