import { z } from "zod";

export const signInSchema = z.object({
  email: z.email("Enter an email address"),
  password: z.string().min(1, "Enter your password"),
  next: z.string().startsWith("/").optional(),
});
