import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { solutionPathRow } from "../submissions/solution-path-row";
import { summarizePassRate, summarizePreference, type ItemOutcome } from "../runs/summarize";
import { hashCanonical } from "../tooleval/canonical-json";
import { createRng } from "../tooleval/random";
import { TEST_SETS } from "../tooleval/types";
import { DEMO_QUERIES, demoAnswer, demoApiList } from "./demo-content";

const SEEDED_KEY = "demo.seeded";
const DEMO_JUDGE = "demo judge (made-up verdicts)";
const EVALUATE_TIMES = 3;
const MODELS = [
  { name: "demo-react", method: "CoT@1", strength: 0.55 },
  { name: "demo-dfsdt", method: "DFS_woFilter_w2", strength: 0.8 },
] as const;

type Tx = Prisma.TransactionClient;

/**
 * Seeds a small, clearly labelled demo: a made-up benchmark, two models, their answers, and
 * completed pass-rate and win-rate runs whose verdicts are drawn from a fixed seed (no judge is
 * called). Scores are computed by the same summarising code as real runs. Runs once per database.
 */
export const seedDemo = async (): Promise<boolean> => {
  if (await db().setting.findUnique({ where: { key: SEEDED_KEY } })) return false;

  await db().$transaction(async (tx) => {
    await tx.setting.create({ data: { key: SEEDED_KEY, value: { at: new Date().toISOString() } } });
    const benchmark = await tx.benchmark.create({
      data: { name: "Demo benchmark", description: "Made-up queries shipped with ToolEval to show a populated leaderboard.", isDemo: true },
    });
    const testSets = new Map<string, string>();
    for (const [position, name] of TEST_SETS.entries()) {
      const testSet = await tx.testSet.create({ data: { benchmarkId: benchmark.id, name, position } });
      testSets.set(name, testSet.id);
    }
    await tx.query.createMany({
      data: DEMO_QUERIES.map((query) => ({
        testSetId: testSets.get(query.testSet)!,
        queryId: query.queryId,
        text: query.text,
        apiList: demoApiList(query),
        contentHash: hashCanonical({ text: query.text, apiList: demoApiList(query) }),
      })),
    });

    const submissionSets = new Map<string, Map<string, { id: string; answers: Map<string, string> }>>();
    for (const model of MODELS) {
      submissionSets.set(model.name, await seedModel(tx, { benchmarkId: benchmark.id, testSets, model }));
    }
    for (const model of MODELS) await seedPassRateRun(tx, { model: model.name, testSets, sets: submissionSets.get(model.name)! });
    await seedPreferenceRun(tx, { testSets, candidate: submissionSets.get("demo-dfsdt")!, reference: submissionSets.get("demo-react")! });
  });

  return true;
};

const seedModel = async (
  tx: Tx,
  { benchmarkId, testSets, model }: { benchmarkId: string; testSets: Map<string, string>; model: (typeof MODELS)[number] },
) => {
  const record = await tx.model.create({ data: { name: model.name, method: model.method, isDemo: true, description: "Demo model with made-up answers." } });
  const rng = createRng("demo-answers", model.name);
  const answers = DEMO_QUERIES.map((query) => ({ query, converted: demoAnswer(query, model.method, rng.next() < model.strength) }));
  const submission = await tx.submission.create({
    data: { modelId: record.id, benchmarkId, version: 1, source: "seed", contentHash: hashCanonical(answers.map((a) => a.converted)) },
  });
  const sets = new Map<string, { id: string; answers: Map<string, string> }>();
  for (const [testSet, testSetId] of testSets) {
    const inSet = answers.filter((answer) => answer.query.testSet === testSet);
    const set = await tx.submissionSet.create({
      data: { submissionId: submission.id, testSetId, contentHash: hashCanonical(inSet.map((a) => a.converted)), answerCount: inSet.length, unknownQueryIds: [] },
    });
    const ids = new Map<string, string>();
    for (const { query, converted } of inSet) {
      const path = await tx.solutionPath.create({ data: solutionPathRow({ submissionSetId: set.id, queryId: query.queryId, answer: converted }) });
      ids.set(query.queryId, path.id);
    }
    sets.set(testSet, { id: set.id, answers: ids });
  }

  return sets;
};

const createRun = (tx: Tx, kind: "pass_rate" | "preference", protocol: string) =>
  tx.evalRun.create({
    data: { kind, protocol, status: "COMPLETED", judgeName: DEMO_JUDGE, evaluateTimes: EVALUATE_TIMES, seed: 42, isDemo: true, startedAt: new Date(), finishedAt: new Date() },
  });

const seedPassRateRun = async (
  tx: Tx,
  { model, testSets, sets }: { model: string; testSets: Map<string, string>; sets: Map<string, { id: string; answers: Map<string, string> }> },
) => {
  const run = await createRun(tx, "pass_rate", "sopr");
  const rng = createRng("demo-verdicts", model);
  let total = 0;
  for (const [testSet, testSetId] of testSets) {
    const set = sets.get(testSet)!;
    const runSet = await tx.runSet.create({ data: { runId: run.id, testSetId, submissionSetId: set.id, totalItems: set.answers.size * EVALUATE_TIMES } });
    const outcomes: ItemOutcome[] = [];
    for (const [queryId, pathId] of set.answers) {
      const path = await tx.solutionPath.findUniqueOrThrow({ where: { id: pathId }, select: { finalAnswer: true } });
      for (let round = 0; round < EVALUATE_TIMES; round += 1) {
        const gaveUp = path.finalAnswer.includes("give_up_and_restart");
        const draw = rng.next();
        const outcome = gaveUp ? "Unsolved" : draw < 0.75 ? "Solved" : draw < 0.9 ? "Unsure" : "Unsolved";
        const item = await tx.runItem.create({
          data: { runId: run.id, runSetId: runSet.id, queryId, round, candidateId: pathId, status: "DONE", outcome },
        });
        await tx.judgment.create({
          data: {
            runItemId: item.id,
            runId: run.id,
            // Made-up verdicts are not judge calls: no function is recorded, so no run counts them as calls.
            stage: gaveUp ? "empty_final_answer" : "check_answer_status",
            fn: null,
            verdict: outcome,
            reason: gaveUp ? "Empty final answer!" : "Demo verdict, made up by the seed (no judge was called).",
          },
        });
        outcomes.push({ queryId, round, status: "DONE", outcome, answered: true });
      }
    }
    const result = summarizePassRate({ protocol: "sopr", items: outcomes, total: set.answers.size, evaluateTimes: EVALUATE_TIMES });
    await tx.runSet.update({ where: { id: runSet.id }, data: { result } });
    total += outcomes.length;
  }
  await tx.evalRun.update({ where: { id: run.id }, data: { totalItems: total, doneItems: total } });
};

const seedPreferenceRun = async (
  tx: Tx,
  {
    testSets,
    candidate,
    reference,
  }: {
    testSets: Map<string, string>;
    candidate: Map<string, { id: string; answers: Map<string, string> }>;
    reference: Map<string, { id: string; answers: Map<string, string> }>;
  },
) => {
  const run = await createRun(tx, "preference", "preference");
  const rng = createRng("demo-preferences");
  let total = 0;
  for (const [testSet, testSetId] of testSets) {
    const cand = candidate.get(testSet)!;
    const ref = reference.get(testSet)!;
    const runSet = await tx.runSet.create({
      data: { runId: run.id, testSetId, submissionSetId: cand.id, referenceSubmissionSetId: ref.id, totalItems: cand.answers.size * EVALUATE_TIMES },
    });
    const outcomes: ItemOutcome[] = [];
    for (const [queryId, candidateId] of cand.answers) {
      for (let round = 0; round < EVALUATE_TIMES; round += 1) {
        const outcome = rng.next() < 0.65 ? "candidate" : "reference";
        const item = await tx.runItem.create({
          data: { runId: run.id, runSetId: runSet.id, queryId, round, candidateId, referenceId: ref.answers.get(queryId), status: "DONE", outcome },
        });
        await tx.judgment.create({
          data: { runItemId: item.id, runId: run.id, stage: "select_better_answer", fn: null, verdict: outcome, reason: "Demo preference, made up by the seed." },
        });
        outcomes.push({ queryId, round, status: "DONE", outcome, answered: true });
      }
    }
    const result = summarizePreference({ items: outcomes, queryIds: [...cand.answers.keys()] });
    await tx.runSet.update({ where: { id: runSet.id }, data: { result } });
    total += outcomes.length;
  }
  await tx.evalRun.update({ where: { id: run.id }, data: { totalItems: total, doneItems: total } });
};
