import { z } from "zod";

export const createApiTokenSchema = z.object({
  userId: z.string().min(1, "Choose a user"),
  name: z.string().trim().min(1, "Name the token (e.g. the CI pipeline using it)").max(100),
});

export const revokeApiTokenSchema = z.object({ id: z.string().min(1) });
