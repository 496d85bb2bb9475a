import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { listBenchmarks } from "@/lib/submissions/benchmarks";
import { listModelSubmissions } from "@/lib/submissions/queries";
import { ModelVersionsTable } from "@/components/model-versions-table";
import { Uploader } from "./_components/uploader";

export const metadata: Metadata = { title: "Upload" };
export const dynamic = "force-dynamic";

export default async function UploadPage() {
  const user = await getSessionUser();
  const canUpload = can(user?.role, "submissions:create");
  const [models, benchmarks] = await Promise.all([listModelSubmissions(), canUpload ? listBenchmarks() : Promise.resolve([])]);
  const real = benchmarks.filter((benchmark) => !benchmark.isDemo);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Upload model outputs</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Bring your model&apos;s outputs as ToolBench writes them: raw answer trees (<code>{"{model}/{test_set}/{query_id}_{method}.json"}</code>) or converted files (
          <code>{"{model}/{test_set}.json"}</code>), as files, a folder or a zip. Raw answers are converted exactly as ToolEval converts them. Nothing is stored until
          you have read the report and confirmed. CI pipelines use the API (see the README).
        </p>
      </div>
      {canUpload ? (
        real.length > 0 ? (
          <Uploader
            benchmarks={real.map(({ name, sets }) => ({ name, sets }))}
            defaultBenchmark={real.length === 1 ? real[0]!.name : null}
            models={models.filter((model) => !model.isDemo).map(({ name, method }) => ({ name, method }))}
          />
        ) : (
          <p className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-800" data-testid="no-benchmark">
            There is no benchmark to upload to yet: an admin imports the test queries first (<Link href="/admin" className="underline">admin page</Link> or{" "}
            <code>tooleval import queries</code>).
          </p>
        )
      ) : (
        <p className="text-sm text-slate-600" data-testid="upload-sign-in">
          {user ? `Your role (${user.role}) may not upload.` : <><Link href="/sign-in?next=/upload" className="text-indigo-600 underline">Sign in</Link> to upload.</>}
        </p>
      )}
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Stored models</h2>
        <ModelVersionsTable models={models} />
      </section>
    </div>
  );
}
