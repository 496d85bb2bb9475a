import { withErrors } from "@/lib/api/respond";
import { getRequestUser } from "@/lib/auth/request-user";
import { authorize } from "@/lib/auth/session";
import { stageFromRequest } from "@/lib/submissions/http-upload";

export const dynamic = "force-dynamic";

/** The upload page's check: multipart files in, NDJSON progress and the validation report out. */
export const POST = withErrors(async (request: Request) => {
  const user = authorize(await getRequestUser(request), "submissions:create");

  return stageFromRequest({ request, user });
});
