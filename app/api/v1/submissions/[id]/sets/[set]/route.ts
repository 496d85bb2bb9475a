import { streamText, withErrors } from "@/lib/api/respond";
import { getRequestUser } from "@/lib/auth/request-user";
import { exportConvertedSet, findSubmissionSet } from "@/lib/submissions/export-set";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; set: string }> };

/** A stored set as ToolEval's converted file `{model}/{test_set}.json`, streamed. */
export const GET = withErrors(async (request: Request, { params }: Context) => {
  await getRequestUser(request);
  const { id, set } = await params;
  const found = await findSubmissionSet({ submissionId: id, testSet: set });
  const fileName = `${found.model}-v${found.version}-${found.testSet}.json`.replace(/[^\w.@+-]/g, "_");

  return new Response(streamText(exportConvertedSet({ submissionSetId: found.id })), {
    headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
});
