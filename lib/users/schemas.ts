import { z } from "zod";
import { ROLES } from "../auth/roles";

export const createUserSchema = z.object({
  email: z.email("Enter an email address"),
  name: z.string().trim().min(1, "Enter a name").max(100),
  password: z.string().min(8, "At least 8 characters").max(200),
  role: z.enum(ROLES),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setRoleSchema = z.object({ userId: z.string().min(1), role: z.enum(ROLES) });
