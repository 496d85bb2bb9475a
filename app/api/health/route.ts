import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for the test runner's webServer check and for operators. */
export const GET = async () => {
  try {
    await db().$queryRaw`SELECT 1`;

    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
};
