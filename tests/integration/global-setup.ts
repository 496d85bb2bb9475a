import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../../lib/db/embedded-postgres";
import { migrate } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the test server, database part to be replaced per test file. */
    testServerUrl: string;
    templateDatabase: string;
  }
}

const TEMPLATE = "tooleval_test_template";

/**
 * Integration tests run against a real PostgreSQL: TEST_DATABASE_URL (any server, e.g. Debian's
 * PostgreSQL 15 in CI) or a throwaway embedded server. A template database with every migration
 * applied is built once; each test file clones it into its own database (tests/integration/db.ts).
 */
export default async function setup(project: TestProject) {
  let server: EmbeddedServer | undefined;
  let dir: string | undefined;
  let baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-it-"));
    server = await startEmbeddedPostgres(dir);
    baseUrl = server.url("postgres");
  }
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const templateUrl = new URL(baseUrl);
  templateUrl.pathname = `/${TEMPLATE}`;
  await migrate(templateUrl.toString());

  project.provide("testServerUrl", baseUrl);
  project.provide("templateDatabase", TEMPLATE);

  return async () => {
    const cleanup = new pg.Client({ connectionString: baseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`);
    await cleanup.end();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
