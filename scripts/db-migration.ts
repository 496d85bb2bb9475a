import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { MIGRATIONS_DIR, readMigrations } from "../lib/db/migrate";
import { diffSchemas } from "./schema-engine";

/**
 * `npm run db:migration -- <name>` writes the SQL migration that takes the schema of the latest
 * migration (the `schema.prisma` snapshot kept in its folder) to the current prisma/schema.prisma,
 * plus a new snapshot. `--check` only reports whether they agree (exit 1 when they do not).
 * The engine wants a live connection, so a throwaway embedded server is started for it.
 */
const SCHEMA_FILE = path.resolve(import.meta.dirname, "../prisma/schema.prisma");

export const pendingSchemaChange = async (url: string): Promise<string> => {
  const latest = readMigrations().at(-1);
  const snapshotFile = latest && path.join(MIGRATIONS_DIR, latest.name, "schema.prisma");
  const previous = snapshotFile && fs.existsSync(snapshotFile) ? fs.readFileSync(snapshotFile, "utf8") : undefined;
  if (latest && previous === undefined) throw new Error(`${latest.name} has no schema.prisma snapshot`);

  return diffSchemas(url, previous, fs.readFileSync(SCHEMA_FILE, "utf8"));
};

const main = async () => {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const name = args.find((arg) => !arg.startsWith("--"));
  if (!check && !name) throw new Error("Usage: npm run db:migration -- <name> | --check");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-migration-"));
  const server = await startEmbeddedPostgres(dir);
  const sql = await pendingSchemaChange(server.url("postgres")).finally(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  if (check) {
    console.log(sql ? `The migrations are behind schema.prisma:\n${sql}` : "The migrations match schema.prisma.");

    return sql ? 1 : 0;
  }
  if (!sql) {
    console.log("No changes: the migrations already match schema.prisma.");

    return 0;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name!.replace(/\W+/g, "_")}`);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, "migration.sql"), `${sql}\n`);
  fs.copyFileSync(SCHEMA_FILE, path.join(folder, "schema.prisma"));
  console.log(`Wrote ${path.relative(process.cwd(), folder)}/migration.sql`);

  return 0;
};

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
