import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { listJudgeConfigs } from "@/lib/judges/judges";
import { listModelChoices } from "@/lib/runs/queries";
import { NewRunForm } from "../_components/new-run-form";

export const metadata: Metadata = { title: "New run" };

export default async function NewRunPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in?next=/runs/new");
  if (!can(user.role, "runs:create")) {
    return <p className="rounded-lg border border-red-200 bg-red-50 p-6 text-red-800">Starting runs needs the admin or submitter role.</p>;
  }
  const [models, judges] = await Promise.all([listModelChoices(), listJudgeConfigs()]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">New run</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Defaults reproduce ToolEval: StableToolBench&apos;s SoPR with 3 rounds, or win rate against a reference model. The corrections below
          change the numbers and are recorded with the run.
        </p>
      </div>
      <NewRunForm models={models} judges={judges.map(({ id, name, model, maxInFlight }) => ({ id, name, model, maxInFlight }))} />
    </div>
  );
}
