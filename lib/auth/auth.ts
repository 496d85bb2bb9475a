import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { adminAc, userAc } from "better-auth/plugins/admin/access";
import { db } from "../db/client";
import { getEnv } from "../env";
import { getAppSecret } from "../secrets";

/**
 * better-auth with its Prisma adapter: email + password (hashed by the library), database sessions,
 * and the admin plugin for creating users and setting roles. Public sign-up is off: an admin creates
 * accounts. Built lazily because it needs the database and the installation secret at run time.
 */
const createAuth = () => {
  const env = getEnv();
  const origin = new URL(env.publicUrl);

  return betterAuth({
    appName: "ToolEval",
    baseURL: env.publicUrl,
    secret: getAppSecret(),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    trustedOrigins: [origin.origin, `${origin.protocol}//localhost:${origin.port}`, `${origin.protocol}//127.0.0.1:${origin.port}`],
    telemetry: { enabled: false },
    rateLimit: { enabled: true, window: 60, max: 300, customRules: { "/sign-in/email": { window: 60, max: 30 } } },
    plugins: [
      admin({ roles: { admin: adminAc, submitter: userAc, annotator: userAc }, defaultRole: "annotator", adminRoles: ["admin"] }),
      nextCookies(),
    ],
  });
};

type Auth = ReturnType<typeof createAuth>;
let instance: Auth | undefined;

export const getAuth = (): Auth => (instance ??= createAuth());
