import { withErrors } from "@/lib/api/respond";
import { getRequestUser } from "@/lib/auth/request-user";
import { getSubmission } from "@/lib/submissions/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** A submission's metadata and per-set counts. Readable by anyone, like the pages that list it. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  await getRequestUser(request);
  const { id } = await params;

  return Response.json(await getSubmission(id));
});
