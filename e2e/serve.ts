import fs from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

/**
 * Starts the app for the end-to-end suite on a fresh data folder. A previous suite that was killed
 * may have left its embedded server running there: adopt and stop it before deleting the folder.
 */
const dataDir = path.resolve(process.env.TOOLEVAL_DATA_DIR ?? ".tooleval-e2e/current");
if (fs.existsSync(path.join(dataDir, "pg", "PG_VERSION"))) {
  const leftover = await startEmbeddedPostgres(dataDir);
  if (!leftover.owner) throw new Error(`${dataDir} is in use by a running ToolEval process`);
  await leftover.stop();
}
fs.rmSync(dataDir, { recursive: true, force: true });
await import("../server/start");
