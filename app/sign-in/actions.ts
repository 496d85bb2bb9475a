"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { action } from "@/lib/action";
import { getAuth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { signInSchema } from "./schemas";

export const signInAction = action({ schema: signInSchema }, async ({ email, password, next }) => {
  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch {
    throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
  }

  return { next: next ?? "/" };
});

export const signOutAction = async () => {
  await getAuth().api.signOut({ headers: await headers() });
  redirect("/");
};

