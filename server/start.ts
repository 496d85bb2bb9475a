import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { ensureAdmin } from "../lib/bootstrap/ensure-admin";
import { disconnectDb } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { getEnv } from "../lib/env";
import { getAppSecret } from "../lib/secrets";
import { seedDemo } from "../lib/seed/demo";
import { ensureBuild } from "./build";
import { runWorker } from "../lib/runs/execute/run-worker";
import { onShutdown, shutdown } from "./shutdown";

/**
 * `npm start` (and `npm run dev` with --dev): the database (embedded unless DATABASE_URL is set),
 * migrations, the first admin, the demo data, a production build when missing or stale, the Next.js
 * server as a child process, and one worker in this process. Ctrl-C stops them in that reverse order:
 * web server, worker (jobs in flight finish), then PostgreSQL.
 */

const ROOT = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");

const assertPortFree = (host: string, port: number) =>
  new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(new Error(`Port ${port} on ${host} is in use (another ToolEval instance?). Stop it or set PORT.`)),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });

const startNext = (url: string): ChildProcess => {
  const env = getEnv();
  const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "-H", env.HOST, "-p", String(env.PORT)], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      TOOLEVAL_SECRET: getAppSecret(),
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });

  return child;
};

const main = async () => {
  const env = getEnv();
  await assertPortFree(env.HOST, env.PORT);
  const database = await openDatabase();
  onShutdown("database", async () => {
    await disconnectDb();
    await database.stop();
  });

  const admin = await ensureAdmin();
  if (admin.created) {
    console.log(`[start] created the admin account ${admin.email}`);
    if (admin.generatedPassword) {
      console.log(`[start] its generated password (shown once; set TOOLEVAL_ADMIN_PASSWORD to choose one): ${admin.generatedPassword}`);
    }
  }
  if (env.TOOLEVAL_SEED_DEMO) {
    const seeded = await seedDemo();
    if (seeded) console.log("[start] seeded the demo leaderboard (made-up data; set TOOLEVAL_SEED_DEMO=0 to skip)");
  }

  if (!dev) await ensureBuild(ROOT);
  if (env.TOOLEVAL_WORKER) {
    const worker = await runWorker({ concurrency: env.TOOLEVAL_WORKER_CONCURRENCY });
    onShutdown("worker", () => worker.stop());
  }

  const next = startNext(database.url);
  const exited = new Promise<void>((resolve) => next.once("exit", () => resolve()));
  onShutdown("web server", async () => {
    if (next.exitCode === null && next.signalCode === null) next.kill("SIGTERM");
    await exited;
  });
  next.once("exit", (code, signal) => {
    if (code !== 0 && signal === null) void shutdown(`the web server exited with code ${code}`, 1);
    else void shutdown("the web server stopped", 0);
  });
  console.log(`[start] ToolEval on ${env.publicUrl}`);
};

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void shutdown("start-up failed", 1);
});
