import fs from "node:fs";
import path from "node:path";
import { db } from "../../lib/db/client";
import { encryptSecret } from "../../lib/secrets";
import { solutionPathRow } from "../../lib/submissions/solution-path-row";
import { ensureDefaultEvaluator } from "../../lib/judges/evaluators";
import { hashCanonical } from "../../lib/tooleval/canonical-json";
import type { ConvertedAnswer, ConvertedAnswerFile } from "../../lib/tooleval/types";
import { STB_EXAMPLE } from "../support/fixtures";

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter += 1)}`;

export const fixtureAnswers = (model: "virtual_chatgpt_cot" | "virtual_chatgpt_dfs"): ConvertedAnswerFile =>
  JSON.parse(fs.readFileSync(path.join(STB_EXAMPLE, "model_predictions_converted", model, "G1_instruction.json"), "utf8"));

/**
 * `copies` variants of each fixture answer under new query ids, each with its own query text so that
 * every judge prompt differs (identical prompts would be answered from the cache).
 */
export const replicate = (answers: ConvertedAnswerFile, copies: number): ConvertedAnswerFile => {
  const out: ConvertedAnswerFile = {};
  for (let copy = 0; copy < copies; copy += 1) {
    for (const [queryId, answer] of Object.entries(answers)) {
      out[`${queryId}${String(copy).padStart(3, "0")}`] = { ...answer, query: `${answer.query} (variant ${copy})` } satisfies ConvertedAnswer;
    }
  }

  return out;
};

/** A benchmark test set with the given query ids (made-up texts). */
export const createTestSet = async ({ benchmark, testSet, queryIds }: { benchmark: string; testSet: string; queryIds: string[] }) => {
  const bench = await db().benchmark.upsert({ where: { name: benchmark }, update: {}, create: { name: benchmark } });
  const set = await db().testSet.upsert({
    where: { benchmarkId_name: { benchmarkId: bench.id, name: testSet } },
    update: {},
    create: { benchmarkId: bench.id, name: testSet, position: 0 },
  });
  const rows = queryIds.map((queryId) => ({ testSetId: set.id, queryId, text: `query ${queryId}`, apiList: [], contentHash: queryId }));
  for (let start = 0; start < rows.length; start += 2000) await db().query.createMany({ data: rows.slice(start, start + 2000), skipDuplicates: true });

  return { benchmarkId: bench.id, testSetId: set.id };
};

/** A model with one stored version of answers for one test set (straight to the tables). */
export const createModelWithAnswers = async ({
  name,
  method,
  benchmarkId,
  testSetId,
  answers,
}: {
  name: string;
  method: string;
  benchmarkId: string;
  testSetId: string;
  answers: ConvertedAnswerFile;
}) => {
  const model = await db().model.create({ data: { name, method } });
  const submission = await db().submission.create({ data: { modelId: model.id, benchmarkId, version: 1, source: "test", contentHash: hashCanonical(answers) } });
  const set = await db().submissionSet.create({
    data: { submissionId: submission.id, testSetId, contentHash: hashCanonical(answers), answerCount: Object.keys(answers).length, unknownQueryIds: [] },
  });
  const paths = Object.entries(answers).map(([queryId, answer]) => solutionPathRow({ submissionSetId: set.id, queryId, answer }));
  for (let start = 0; start < paths.length; start += 1000) await db().solutionPath.createMany({ data: paths.slice(start, start + 1000) });

  return { modelId: model.id, submissionSetId: set.id };
};

/** A judge configuration pointing at a local judge server; the key is stored encrypted. */
export const createJudge = async ({ baseUrl, maxInFlight = 16, model = "fake-judge", prices }: { baseUrl: string; maxInFlight?: number; model?: string; prices?: [number, number] }) => {
  const evaluator = await ensureDefaultEvaluator();

  return db().judgeConfig.create({
    data: {
      name: unique("judge"),
      baseUrl,
      model,
      temperature: 0,
      maxTokens: 300,
      timeoutMs: 5000,
      maxInFlight,
      apiKeyEnc: encryptSecret("test-key-not-secret"),
      evaluatorId: evaluator.id,
      inputPricePerMTok: prices?.[0] ?? null,
      outputPricePerMTok: prices?.[1] ?? null,
    },
    select: { id: true, name: true },
  });
};
