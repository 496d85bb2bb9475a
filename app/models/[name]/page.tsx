import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { getSolutionPath, listSetQueryIds } from "@/lib/submissions/export-set";
import { getModelSubmissions } from "@/lib/submissions/queries";
import { ModelVersionsTable } from "@/components/model-versions-table";
import { SolutionPathView } from "./_components/solution-path";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ name: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const searchSchema = z.object({ version: z.coerce.number().int().positive().optional(), set: z.string().max(64).optional(), query: z.string().max(64).optional() });

export const generateMetadata = async ({ params }: Props): Promise<Metadata> => ({ title: decodeURIComponent((await params).name) });

const SELECT = "rounded-md border border-slate-300 px-2 py-1 text-sm";

export default async function ModelPage({ params, searchParams }: Props) {
  const name = decodeURIComponent((await params).name);
  const search = searchSchema.safeParse(await searchParams);
  const { version: wanted, set: wantedSet, query: wantedQuery } = search.success ? search.data : {};
  const model = await getModelSubmissions(name).catch((error) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const version = model.versions.find((candidate) => candidate.version === wanted) ?? model.versions[0];
  const set = version?.sets.find((candidate) => candidate.testSet === wantedSet) ?? version?.sets[0];
  const queryIds = set ? await listSetQueryIds({ submissionSetId: set.id }) : [];
  const queryId = queryIds.includes(wantedQuery ?? "") ? wantedQuery! : queryIds[0];
  const path = set && queryId ? await getSolutionPath({ submissionSetId: set.id, queryId }) : null;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold" data-testid="model-name">
          {model.name} <span className="rounded bg-slate-100 px-2 py-0.5 align-middle text-sm font-normal text-slate-600">{model.method}</span>
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {model.versions.length} version{model.versions.length === 1 ? "" : "s"}. Runs and the leaderboard name the version they evaluated; older versions stay here.
        </p>
      </div>
      <ModelVersionsTable models={[model]} />
      {version && set ? (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Read a solution path</h2>
          <form method="get" className="flex flex-wrap items-end gap-3 text-sm" data-testid="path-picker">
            <label>
              Version{" "}
              <select name="version" defaultValue={version.version} className={SELECT}>
                {model.versions.map((candidate) => (
                  <option key={candidate.id} value={candidate.version}>
                    v{candidate.version}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Test set{" "}
              <select name="set" defaultValue={set.testSet} className={SELECT}>
                {version.sets.map((candidate) => (
                  <option key={candidate.id}>{candidate.testSet}</option>
                ))}
              </select>
            </label>
            <label>
              Query{" "}
              <select name="query" defaultValue={queryId} className={SELECT} data-testid="query-select">
                {queryIds.map((id) => (
                  <option key={id}>{id}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 hover:border-slate-400">
              Show
            </button>
          </form>
          {path ? <SolutionPathView queryId={path.queryId} answer={path.answer} origin={path.origin} /> : null}
        </section>
      ) : null}
    </div>
  );
}
