import crypto from "node:crypto";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { SessionUser } from "./session";

/**
 * Bearer tokens for the API (CI pipelines). A token is `te_` + 32 random bytes; only its SHA-256 and
 * a short prefix (to recognise it in lists) are stored, so the plain token is shown once, at creation.
 * A token acts as its user with the user's current role.
 */

const TOKEN = /^te_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 10;
/** lastUsedAt is a hint for admins, not an audit log: write it at most once a minute per token. */
const LAST_USED_EVERY_MS = 60_000;

export const hashApiToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export const createApiToken = async ({ userId, name }: { userId: string; name: string }) => {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.", { userId: ["Unknown user"] });
  const token = `te_${crypto.randomBytes(32).toString("base64url")}`;
  const row = await db().apiToken.create({
    data: { userId, name, tokenHash: hashApiToken(token), prefix: token.slice(0, PREFIX_LENGTH) },
    select: { id: true, name: true, prefix: true },
  });

  return { ...row, token, email: user.email };
};

export const listApiTokens = () =>
  db().apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true, role: true } } },
  });

export const revokeApiToken = async ({ id }: { id: string }) => {
  const revoked = await db().apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (revoked.count === 0) throw new AppError("NOT_FOUND", "No such active token.");
};

/** The user a token belongs to, or null when it is unknown, revoked or its user is banned. */
export const authenticateApiToken = async (token: string): Promise<SessionUser | null> => {
  if (!TOKEN.test(token)) return null;
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, banned: true } } },
  });
  if (!row || row.revokedAt || row.user.banned) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, email, name, role } = row.user;

  return { id, email, name, role };
};
