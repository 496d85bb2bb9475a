import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI refuses to run `generate` without a schema-engine binary, which it cannot download
// offline; generate never calls it, so a stub satisfies the check. A real binary, where one is
// installed, still wins. Migrations are plain SQL applied by lib/db/migrate.ts (see README).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "scripts/prisma-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
