import Link from "next/link";
import type { listModelSubmissions } from "@/lib/submissions/queries";
import { DataTable } from "@/components/data-table";

type Models = Awaited<ReturnType<typeof listModelSubmissions>>;

const setLink = (submissionId: string, testSet: string) => `/api/v1/submissions/${submissionId}/sets/${encodeURIComponent(testSet)}`;

/** Every stored model: its versions, newest first, with per-set answer counts and downloads. */
export function ModelVersionsTable({ models }: { models: Models }) {
  if (models.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600" data-testid="models-empty">
        No model outputs stored yet.
      </p>
    );
  }

  return (
    <DataTable columns={["Model", "Version", "Answers per test set", "Stored"]} testId="models-table">
      {models.flatMap((model) =>
        model.versions.map((version, index) => (
          <tr key={version.id} data-testid="model-version" data-model={model.name} data-version={version.version}>
            <td className="px-4 py-2 align-top">
              {index === 0 ? (
                <>
                  <Link href={`/models/${encodeURIComponent(model.name)}`} className="font-medium text-indigo-700 hover:underline">
                    {model.name}
                  </Link>{" "}
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{model.method}</span>
                  {model.isDemo ? <span className="ml-1 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-800">demo</span> : null}
                </>
              ) : null}
            </td>
            <td className="px-4 py-2 align-top">
              v{version.version}
              {index === 0 && model.versions.length > 1 ? <span className="ml-1 text-xs text-slate-500">(latest)</span> : null}
            </td>
            <td className="px-4 py-2">
              <ul className="space-y-0.5">
                {version.sets.map((set) => (
                  <li key={set.id} data-testid="model-set" data-set={set.testSet}>
                    <span className="font-medium">{set.testSet}</span>: <span data-testid="set-answers">{set.answers}</span> answers
                    {set.unknownQueryIds.length > 0 ? <span className="text-amber-700">, {set.unknownQueryIds.length} unknown ids</span> : null}
                    {set.missingCount > 0 ? <span className="text-slate-500">, {set.missingCount} missing</span> : null}{" "}
                    <a className="text-xs text-indigo-600 hover:underline" href={setLink(version.id, set.testSet)} data-testid="download-set">
                      download
                    </a>
                  </li>
                ))}
              </ul>
            </td>
            <td className="px-4 py-2 align-top text-slate-500">
              {version.createdAt.slice(0, 10)} · {version.source}
              {version.note ? <div className="text-xs">{version.note}</div> : null}
            </td>
          </tr>
        )),
      )}
    </DataTable>
  );
}
