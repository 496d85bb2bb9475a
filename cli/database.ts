import { disconnectDb } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";

/**
 * Runs a database command: opens DATABASE_URL or the embedded server (quietly: stdout may be JSON),
 * and closes the pool and the server it started afterwards, so the process exits at once.
 */
export const withDatabase = async <T>(body: () => Promise<T>): Promise<T> => {
  const database = await openDatabase({ log: false });
  try {
    return await body();
  } finally {
    await disconnectDb();
    await database.stop();
  }
};
