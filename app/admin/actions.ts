"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/auth/schemas";
import { importQueries } from "@/lib/submissions/import-queries";
import { importQueriesFormSchema } from "@/lib/submissions/schemas";
import { createUserSchema, setRoleSchema } from "@/lib/users/schemas";
import { createUser, setUserRole } from "@/lib/users/users";

export const createUserAction = action({ schema: createUserSchema, permission: "users:manage" }, async (input) => {
  const user = await createUser(input);
  revalidatePath("/admin");

  return user;
});

export const setRoleAction = action({ schema: setRoleSchema, permission: "users:manage" }, async ({ userId, role }, { user }) => {
  await setUserRole({ userId, role, actingUserId: user.id });
  revalidatePath("/admin");

  return { userId, role };
});

export const importQueriesAction = action({ schema: importQueriesFormSchema, permission: "benchmarks:manage" }, async ({ benchmark, testSet, queries, ids }) => {
  const read = async (file: File) => ({ name: file.name, content: await file.text() });
  const result = await importQueries({ benchmark, testSet, queries: await read(queries), ids: ids ? await read(ids) : undefined });
  revalidatePath("/admin");

  return result;
});

export const createApiTokenAction = action({ schema: createApiTokenSchema, permission: "tokens:manage" }, async (input) => {
  const created = await createApiToken(input);
  revalidatePath("/admin");

  return created;
});

export const revokeApiTokenAction = action({ schema: revokeApiTokenSchema, permission: "tokens:manage" }, async (input) => {
  await revokeApiToken(input);
  revalidatePath("/admin");

  return input;
});
