import crypto from "node:crypto";
import { getAuth } from "../auth/auth";
import { db } from "../db/client";
import { getEnv } from "../env";

/**
 * On the first start there is no admin: create one. The password comes from TOOLEVAL_ADMIN_PASSWORD
 * or is generated and printed this one time (it is not stored anywhere in plain text).
 */
export const ensureAdmin = async (): Promise<{ created: boolean; email: string; generatedPassword?: string }> => {
  const env = getEnv();
  const admin = await db().user.findFirst({ where: { role: "admin" }, select: { email: true } });
  if (admin) return { created: false, email: admin.email };
  const generatedPassword = env.TOOLEVAL_ADMIN_PASSWORD ? undefined : crypto.randomBytes(12).toString("base64url");
  await getAuth().api.createUser({
    body: { email: env.TOOLEVAL_ADMIN_EMAIL, name: "Administrator", password: env.TOOLEVAL_ADMIN_PASSWORD ?? generatedPassword!, role: "admin" },
  });

  return { created: true, email: env.TOOLEVAL_ADMIN_EMAIL, generatedPassword };
};
