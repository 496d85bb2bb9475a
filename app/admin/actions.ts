"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
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
