import { z } from "zod";
import { getSessionUser, authorize, type SessionUser } from "./auth/session";
import type { Permission } from "./auth/roles";
import { GENERIC_ERROR, isAppError } from "./errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[] | undefined> };

type Context<P> = { user: P extends Permission ? SessionUser : SessionUser | null };

/** FormData → plain object; repeated keys become arrays, files stay File objects. */
const formToObject = (form: FormData) => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const previous = out[key];
    out[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }

  return out;
};

/**
 * The one wrapper every server action goes through: resolve the session, check the permission on the
 * server, validate the input with zod (FormData or an object), run the body, and return a typed result.
 * Expected errors (AppError) are returned as they are; anything else is logged and made generic.
 */
export const action =
  <S extends z.ZodType, T, P extends Permission | undefined = undefined>(
    { schema, permission }: { schema: S; permission?: P },
    body: (input: z.output<S>, context: Context<P>) => Promise<T>,
  ) =>
  async (input: z.input<S> | FormData): Promise<ActionResult<T>> => {
    try {
      const sessionUser = await getSessionUser();
      const user = permission ? authorize(sessionUser, permission) : sessionUser;
      const parsed = schema.safeParse(input instanceof FormData ? formToObject(input) : input);
      if (!parsed.success) {
        const { fieldErrors } = z.flattenError(parsed.error);

        return { ok: false, code: "INVALID_INPUT", error: "Please correct the highlighted fields.", fieldErrors: fieldErrors as Record<string, string[]> };
      }

      return { ok: true, data: await body(parsed.data, { user } as Context<P>) };
    } catch (error) {
      if (isAppError(error)) return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors };
      if (error instanceof Error && "digest" in error && String(error.digest).startsWith("NEXT_")) throw error;
      console.error("[action] unexpected error", error);

      return { ok: false, error: GENERIC_ERROR };
    }
  };
