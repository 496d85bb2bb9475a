import { PrismaPg } from "@prisma/adapter-pg";
import { getEnv } from "../env";
import { PrismaClient } from "../generated/prisma/client";

/**
 * Columns that hold secrets are left out of every query unless a caller selects them explicitly.
 * (Account.password is a hash the auth library must read, so it is not omitted.)
 */
const OMIT = { judgeConfig: { apiKeyEnc: true } } as const;

const createClient = (url: string) =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }), omit: OMIT });

export type Db = ReturnType<typeof createClient>;

type Globals = { tooleval?: { url?: string; client?: ReturnType<typeof createClient> } };
const globals = globalThis as typeof globalThis & Globals;
const state = (globals.tooleval ??= {});

/** Points this process at a database (called once the embedded server is up or DATABASE_URL is known). */
export const useDatabaseUrl = (url: string) => {
  if (state.url === url) return;
  state.url = url;
  state.client = undefined;
};

export const databaseUrl = (): string => {
  const url = state.url ?? getEnv().DATABASE_URL;
  if (!url) throw new Error("No database configured: set DATABASE_URL or start through `npm start` / the tooleval CLI");

  return url;
};

/** The process-wide Prisma client (kept on globalThis so Next's dev reloads do not open new pools). */
export const db = () => (state.client ??= createClient(databaseUrl()));

export const disconnectDb = async () => {
  const client = state.client;
  state.client = undefined;
  await client?.$disconnect();
};

/** A client for an explicit URL (tests, tools); the caller disconnects it. */
export const createDb = (url: string) => createClient(url);
