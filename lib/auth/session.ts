import { headers } from "next/headers";
import { AppError } from "../errors";
import { getAuth } from "./auth";
import { can, type Permission } from "./roles";

export type SessionUser = { id: string; email: string; name: string; role: string };

/** The signed-in user of the current request, or null for a visitor. */
export const getSessionUser = async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  const session = await getAuth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, email, name, role } = session.user as typeof session.user & { role?: string | null };

  return { id, email, name, role: role ?? "annotator" };
};

/** The user if they hold `permission`; otherwise an UNAUTHENTICATED or FORBIDDEN AppError. */
export const authorize = (user: SessionUser | null, permission: Permission): SessionUser => {
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in to do this.");
  if (!can(user.role, permission)) throw new AppError("FORBIDDEN", `Your role (${user.role}) may not do this (${permission}).`);

  return user;
};
