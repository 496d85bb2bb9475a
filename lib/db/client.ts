import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { getEnv } from "../env";
import { PrismaClient } from "../generated/prisma/client";

/**
 * Columns that hold secrets are left out of every query unless a caller selects them explicitly.
 * (Account.password is a hash the auth library must read, so it is not omitted.)
 */
const OMIT = { judgeConfig: { apiKeyEnc: true } } as const;

/**
 * An idle connection can be closed by the server (restart, database dropped): pg reports that as an
 * 'error' event on the pool, which would crash the process if nobody listened. The pool replaces it.
 */
const createPool = (connectionString: string, max: number) => {
  const created = new pg.Pool({ connectionString, max, idleTimeoutMillis: 10_000 });
  created.on("error", (error) => console.error(`[db] idle connection lost: ${error.message}`));

  return created;
};

const createClientOnPool = (pool: pg.Pool) => new PrismaClient({ adapter: new PrismaPg(pool), omit: OMIT });

export type Db = ReturnType<typeof createClientOnPool>;

type State = { url?: string; pool?: pg.Pool; client?: Db };
const globals = globalThis as typeof globalThis & { tooleval?: State };
const state = (globals.tooleval ??= {});

/** Points this process at a database (called once the embedded server is up or DATABASE_URL is known). */
export const useDatabaseUrl = (url: string) => {
  if (state.url === url) return;
  state.url = url;
  state.client = undefined;
  state.pool = undefined;
};

export const databaseUrl = (): string => {
  const url = state.url ?? getEnv().DATABASE_URL;
  if (!url) throw new Error("No database configured: set DATABASE_URL or start through `npm start` / the tooleval CLI");

  return url;
};

/**
 * The process-wide connection pool. Prisma runs on it, and the judging hot path uses it directly for
 * batched SQL (multi-row inserts and updates that Prisma cannot express).
 */
export const pool = () => (state.pool ??= createPool(databaseUrl(), 10));

/** The process-wide Prisma client (kept on globalThis so Next's dev reloads do not open new pools). */
export const db = (): Db => (state.client ??= createClientOnPool(pool()));

export const disconnectDb = async () => {
  const { client, pool: current } = state;
  state.client = undefined;
  state.pool = undefined;
  await client?.$disconnect();
  await current?.end().catch(() => undefined);
};

/** A client on its own pool for an explicit URL (tests, tools); the caller disconnects it. */
export const createDb = (url: string) => createClientOnPool(createPool(url, 4));
