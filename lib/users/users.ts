import { getAuth } from "../auth/auth";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { CreateUserInput } from "./schemas";
import type { Role } from "../auth/roles";

/** Creates an account with a password hashed by the auth library. */
export const createUser = async ({ email, name, password, role }: CreateUserInput) => {
  const existing = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", `A user with the email ${email} already exists.`, { email: ["Already in use"] });
  const { user } = await getAuth().api.createUser({ body: { email, name, password, role } });

  return { id: user.id, email: user.email };
};

export const listUsers = () =>
  db().user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, email: true, name: true, role: true, createdAt: true } });

export const setUserRole = async ({ userId, role, actingUserId }: { userId: string; role: Role; actingUserId: string }) => {
  if (userId === actingUserId && role !== "admin") throw new AppError("INVALID_INPUT", "You cannot remove your own admin role.");
  const updated = await db().user.updateMany({ where: { id: userId }, data: { role } });
  if (updated.count === 0) throw new AppError("NOT_FOUND", "No such user.");
};
