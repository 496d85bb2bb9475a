import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { ensureDefaultEvaluator, listEvaluators } from "@/lib/judges/evaluators";
import { listJudgeConfigs } from "@/lib/judges/judges";
import { AdminNav } from "../_components/admin-nav";
import { CreateJudgeForm } from "./_components/create-judge-form";
import { ImportEvaluatorForm } from "./_components/import-evaluator-form";
import { JudgeRowActions } from "./_components/judge-row-actions";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Judges" };

export default async function JudgesPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/admin/judges");
  if (!can(user.role, "judges:manage")) return <div className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800" data-testid="forbidden">Judges are managed by administrators.</div>;
  await ensureDefaultEvaluator();
  const [judges, evaluators] = await Promise.all([listJudgeConfigs(), listEvaluators()]);

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <AdminNav current="/admin/judges" />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Judge configurations</h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Any OpenAI-compatible endpoint. Keys are stored encrypted or read from a server environment variable; they never leave the server. The
          in-flight limit holds across all workers.
        </p>
        <DataTable columns={["Name", "Endpoint · model", "Parameters", "Key", "Prompts", ""]} testId="judges-table">
          {judges.map((judge) => (
            <tr key={judge.id}>
              <td className="px-4 py-2 font-medium">{judge.name}</td>
              <td className="px-4 py-2">
                <div className="text-slate-600">{judge.baseUrl ?? "OPENAI_BASE_URL of the server"}</div>
                {judge.model}
              </td>
              <td className="num px-4 py-2 text-xs text-slate-600">
                T={judge.temperature} · {judge.maxTokens} tokens · {judge.timeoutMs / 1000}s · {judge.apiStyle} · {judge.maxInFlight} in flight
                {judge.inputPricePerMTok !== null ? ` · $${judge.inputPricePerMTok}/$${judge.outputPricePerMTok ?? 0} per M tokens` : ""}
              </td>
              <td className="px-4 py-2 text-xs">{judge.hasStoredKey ? "stored (encrypted)" : judge.apiKeyEnv ? `env ${judge.apiKeyEnv}` : "OPENAI_API_KEY"}</td>
              <td className="px-4 py-2 text-xs">{judge.evaluator.name}</td>
              <td className="px-4 py-2">
                <JudgeRowActions judgeConfigId={judge.id} />
              </td>
            </tr>
          ))}
        </DataTable>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Add a judge</h2>
        <CreateJudgeForm evaluators={evaluators.map(({ id, name }) => ({ id, name }))} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-semibold">Load a ToolEval evaluator folder</h2>
        <p className="max-w-3xl text-sm text-slate-600">
          For ToolEval&apos;s exact prompts, upload the <code>config.yaml</code> and <code>template.txt</code> of an evaluator folder (for example{" "}
          <code>tooleval_gpt-3.5-turbo_default</code>). Only the default protocol class can judge; the legacy ones fail in ToolEval too.
        </p>
        <ImportEvaluatorForm />
      </section>
    </div>
  );
}
