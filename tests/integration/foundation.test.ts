import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { authorize } from "../../lib/auth/session";
import { ensureAdmin } from "../../lib/bootstrap/ensure-admin";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { migrate, readMigrations } from "../../lib/db/migrate";
import { getBoards } from "../../lib/leaderboard/queries";
import { seedDemo } from "../../lib/seed/demo";
import { createUser } from "../../lib/users/users";
import { diffSchemas } from "../../scripts/schema-engine";
import { useTestDatabase } from "./db";

const database = useTestDatabase();

describe("migrations", () => {
  it("are recorded like Prisma Migrate and applying them again changes nothing", async () => {
    expect(await migrate(database.url)).toEqual([]);
    const rows = await database.db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.map((row) => row.migration_name)).toEqual(readMigrations().map((m) => m.name));
  });

  it("match prisma/schema.prisma (the latest snapshot diffs to nothing)", async () => {
    const latest = readMigrations().at(-1)!;
    const snapshot = fs.readFileSync(path.resolve(import.meta.dirname, `../../prisma/migrations/${latest.name}/schema.prisma`), "utf8");
    const current = fs.readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    expect(await diffSchemas(database.url, snapshot, current)).toBe("");
  });
});

describe("accounts", () => {
  it("creates the first admin once, with a hashed password", async () => {
    const first = await ensureAdmin();
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toMatch(/^[\w-]{16}$/);
    expect((await ensureAdmin()).created).toBe(false);
    const account = await database.db.account.findFirstOrThrow({ where: { user: { email: first.email } }, select: { password: true } });
    expect(account.password).toBeTruthy();
    expect(account.password).not.toContain(first.generatedPassword!);
  });

  it("refuses a duplicate email and enforces roles on the server", async () => {
    await createUser({ email: "ann@example.org", name: "Ann", password: "annotator-pass", role: "annotator" });
    await expect(createUser({ email: "ann@example.org", name: "Ann", password: "annotator-pass", role: "annotator" })).rejects.toThrow(/already exists/);
    expect(() => authorize(null, "users:manage")).toThrow(/Sign in/);
    expect(() => authorize({ id: "x", email: "ann@example.org", name: "Ann", role: "annotator" }, "users:manage")).toThrow(/may not/);
  });
});

describe("demo seed", () => {
  it("fills a pass-rate and a win-rate board once, computed by the run summaries", async () => {
    expect(await seedDemo()).toBe(true);
    expect(await seedDemo()).toBe(false);
    const boards = await getBoards();
    expect(boards.map((board) => board.kind)).toEqual(["pass_rate", "preference"]);
    expect(boards.every((board) => board.isDemo)).toBe(true);
    const passRate = boards[0]!;
    expect(passRate.rows.map((row) => row.model).sort()).toEqual(["demo-dfsdt", "demo-react"]);
    for (const row of passRate.rows) {
      expect(Object.keys(row.cells)).toHaveLength(6);
      expect(row.average!.value).toBeGreaterThanOrEqual(0);
      expect(row.average!.value).toBeLessThanOrEqual(100);
    }
  });
});

describe("embedded PostgreSQL", () => {
  it("shares a running server, adopts an orphaned one, and stops without leaving a process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tooleval-embedded-"));
    try {
      const first = await startEmbeddedPostgres(dir);
      expect(first.owner).toBe(true);
      // Another live process owns it: a second start in that situation shares it.
      fs.writeFileSync(path.join(dir, "pg.owner"), String(process.ppid));
      const second = await startEmbeddedPostgres(dir);
      expect(second.owner).toBe(false);
      expect(second.port).toBe(first.port);
      // The owner died (kill -9): the next start adopts the server and will stop it.
      fs.writeFileSync(path.join(dir, "pg.owner"), "999999");
      const third = await startEmbeddedPostgres(dir);
      expect(third.owner).toBe(true);
      const client = new pg.Client({ connectionString: third.url() });
      await client.connect();
      expect((await client.query("SELECT current_user")).rows[0].current_user).toBe("tooleval");
      await client.end();
      await third.stop();
      expect(fs.existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
      const credentials = fs.statSync(path.join(dir, "pg.json"));
      expect(credentials.mode & 0o077).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
