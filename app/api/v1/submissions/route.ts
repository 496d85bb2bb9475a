import { withErrors } from "@/lib/api/respond";
import { getRequestUser } from "@/lib/auth/request-user";
import { authorize } from "@/lib/auth/session";
import { submitFromRequest } from "@/lib/submissions/http-upload";

export const dynamic = "force-dynamic";

/** Checks and stores a model's answers in one request (CI pipelines; see the README's API section). */
export const POST = withErrors(async (request: Request) => {
  const user = authorize(await getRequestUser(request), "submissions:create");

  return submitFromRequest({ request, user });
});
