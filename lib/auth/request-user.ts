import { AppError } from "../errors";
import { authenticateApiToken } from "./api-tokens";
import { getAuth } from "./auth";
import type { SessionUser } from "./session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookies ride along on cross-site form posts; a session may only change data from our own pages,
 * which send an Origin header naming this host. Bearer tokens are not sent by browsers on their own.
 */
const assertSameOrigin = (request: Request) => {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string | undefined;
  try {
    originHost = origin ? new URL(origin).host : undefined;
  } catch {
    originHost = undefined;
  }
  if (!originHost || originHost !== host) throw new AppError("FORBIDDEN", "Cross-site request refused: use an API token (Authorization: Bearer …).");
};

/**
 * The caller of an API route: the owner of a valid `Authorization: Bearer te_…` token, else the
 * signed-in browser session, else null. A token that is present but invalid is an error, never a
 * fallback to the session.
 */
export const getRequestUser = async (request: Request): Promise<SessionUser | null> => {
  const header = request.headers.get("authorization");
  if (header) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const user = token ? await authenticateApiToken(token) : null;
    if (!user) throw new AppError("UNAUTHENTICATED", "Invalid, revoked or malformed API token.");

    return user;
  }
  const session = await getAuth().api.getSession({ headers: request.headers });
  if (!session) return null;
  assertSameOrigin(request);
  const { id, email, name, role } = session.user as typeof session.user & { role?: string | null };

  return { id, email, name, role: role ?? "annotator" };
};
