import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Prisma's schema engine compiled to WebAssembly. Prisma's CLI needs a native engine binary it
 * cannot download here (docs/platform-notes.md), so migration SQL is generated with this instead,
 * as a diff between two schema files: the snapshot kept next to the latest migration and the current
 * schema.prisma. No database is read (the pg adapter cannot introspect Postgres's "char" columns).
 */

const PKG = path.resolve(import.meta.dirname, "../node_modules/@prisma/schema-engine-wasm");

type Engine = { diff: (params: unknown) => Promise<{ exitCode: number; stdout: string | null }> };

const loadEngine = async (url: string): Promise<Engine> => {
  const bindings = await import(path.join(PKG, "schema_engine_bg.js"));
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(path.join(PKG, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  // The engine connects through an adapter even for a file-to-file diff; it reads nothing there.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));

  return bindings.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
};

const target = (schema: string | undefined) =>
  schema === undefined ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] };

/**
 * The SQL that takes schema `from` (undefined = empty database) to schema `to`; "" when equal.
 * `url` is any reachable PostgreSQL (the engine opens a connection at start-up).
 */
export const diffSchemas = async (url: string, from: string | undefined, to: string): Promise<string> => {
  const engine = await loadEngine(url);
  const result = await engine.diff({
    from: target(from),
    to: target(to),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  const sql = (result.stdout ?? "").trim();

  return sql === "-- This is an empty migration." ? "" : sql;
};
