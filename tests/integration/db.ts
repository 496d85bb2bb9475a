import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { createDb, useDatabaseUrl, disconnectDb, type Db } from "../../lib/db/client";

/**
 * Gives the calling test file its own database, cloned from the migrated template and dropped after
 * the file. The process-wide client (`db()`) points at it too, so lib code under test uses it.
 */
export const useTestDatabase = () => {
  const name = `tooleval_test_${crypto.randomBytes(6).toString("hex")}`;
  const serverUrl = inject("testServerUrl");
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const context = { url: url.toString(), db: undefined as unknown as Db };

  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
    useDatabaseUrl(context.url);
    context.db = createDb(context.url);
  });

  afterAll(async () => {
    await context.db?.$disconnect();
    await disconnectDb();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  return context;
};
