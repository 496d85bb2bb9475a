"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { importEvaluator } from "@/lib/judges/evaluators";
import { archiveJudgeConfig, createJudgeConfig } from "@/lib/judges/judges";
import { importEvaluatorSchema, judgeConfigSchema, judgeIdSchema } from "@/lib/judges/schemas";
import { testJudgeConnection } from "@/lib/judges/test-connection";

export const createJudgeAction = action({ schema: judgeConfigSchema, permission: "judges:manage" }, async (input) => {
  const judge = await createJudgeConfig(input);
  revalidatePath("/admin/judges");

  return judge;
});

export const archiveJudgeAction = action({ schema: judgeIdSchema, permission: "judges:manage" }, async ({ judgeConfigId }) => {
  await archiveJudgeConfig(judgeConfigId);
  revalidatePath("/admin/judges");
});

export const testJudgeAction = action({ schema: judgeIdSchema, permission: "judges:manage" }, async ({ judgeConfigId }) => testJudgeConnection(judgeConfigId));

export const importEvaluatorAction = action({ schema: importEvaluatorSchema, permission: "judges:manage" }, async ({ name, config, template }) => {
  const evaluator = await importEvaluator({ name, configText: await config.text(), templateText: await template.text() });
  revalidatePath("/admin/judges");

  return evaluator;
});
