import { getEnv } from "../env";
import { useDatabaseUrl } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrate } from "./migrate";

export type OpenDatabase = {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process owns it; a no-op for DATABASE_URL. */
  stop: () => Promise<void>;
};

/**
 * Resolves the database every process uses: DATABASE_URL when set, otherwise the embedded server in
 * TOOLEVAL_DATA_DIR (started, shared or adopted). Applies pending migrations and points this
 * process's Prisma client at it.
 */
export const openDatabase = async ({ log = true } = {}): Promise<OpenDatabase> => {
  const env = getEnv();
  let database: OpenDatabase;
  if (env.DATABASE_URL) {
    database = { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  } else {
    const server = await startEmbeddedPostgres(env.dataDir);
    if (log) {
      const how = server.owner ? "started" : "reusing the server already running";
      console.log(`[db] embedded PostgreSQL ${how} in ${env.dataDir} (127.0.0.1:${server.port})`);
    }
    const stop = async () => {
      await server.stop();
      if (server.owner && log) console.log("[db] embedded PostgreSQL stopped");
    };
    database = { url: server.url(), embedded: true, stop };
  }
  const applied = await migrate(database.url);
  if (log && applied.length > 0) console.log(`[db] applied migrations: ${applied.join(", ")}`);
  useDatabaseUrl(database.url);

  return database;
};
