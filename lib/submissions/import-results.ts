import { db } from "../db/client";
import { AppError } from "../errors";
import { writeImportedRun, type ImportedItem } from "../runs/import-run";
import { sha256Hex } from "../tooleval/canonical-json";
import { FormatError } from "../tooleval/formats/format-error";
import { readPassRateResult, readPreferenceResult } from "../tooleval/results/result-files";
import type { TextFile } from "./import-queries";

/**
 * ToolEval result files (spec §1.6) imported as completed runs, so numbers a group already paid for
 * appear on the leaderboard. The results are bound to the models' latest stored answers for the set.
 */

const readOrInvalid = <T>(read: () => T): T => {
  try {
    return read();
  } catch (error) {
    if (error instanceof FormatError) throw new AppError("INVALID_INPUT", error.message);
    throw error;
  }
};

/** The model's latest stored answers for the test set, with answer ids by query id. */
const latestAnswers = async ({ model, testSet, benchmark }: { model: string; testSet: string; benchmark?: string }) => {
  const set = await db().submissionSet.findFirst({
    where: { testSet: { name: testSet, ...(benchmark ? { benchmark: { name: benchmark } } : {}) }, submission: { model: { name: model } } },
    orderBy: { submission: { version: "desc" } },
    select: { id: true, testSetId: true, submission: { select: { version: true } }, testSet: { select: { _count: { select: { queries: true } } } } },
  });
  if (!set) throw new AppError("INVALID_INPUT", `Upload ${model}'s answers for ${testSet} first: results are stored against the answers they judged.`);
  const answers = await db().solutionPath.findMany({ where: { submissionSetId: set.id }, select: { id: true, queryId: true } });

  return { ...set, version: set.submission.version, queries: set.testSet._count.queries, answers: new Map(answers.map((row) => [row.queryId, row.id])) };
};

const requireAnswered = ({ model, testSet, version, answers, queryIds }: { model: string; testSet: string; version: number; answers: Map<string, string>; queryIds: string[] }) => {
  const absent = queryIds.filter((id) => !answers.has(id));
  if (absent.length === 0) return;
  throw new AppError(
    "INVALID_INPUT",
    `The result file has ${absent.length} quer${absent.length === 1 ? "y" : "ies"} that ${model}'s stored answers for ${testSet} (version ${version}) lack: ${absent.slice(0, 10).join(", ")}. Upload the answers the results were computed from.`,
  );
};

const source = (file: TextFile, format: string) => ({ file: file.name, format, sha256: sha256Hex(file.content) });

/** Pass-rate results of either generation, JSON or TSV (StableToolBench → sopr, ToolBench v1 → toolbench). */
export const importPassRateResults = async ({ model, testSet, judgeName, file, benchmark, userId = null }: {
  model: string;
  testSet: string;
  judgeName: string;
  file: TextFile;
  benchmark?: string;
  userId?: string | null;
}) => {
  const result = readOrInvalid(() => readPassRateResult({ fileName: file.name, content: file.content }));
  const set = await latestAnswers({ model, testSet, benchmark });
  requireAnswered({ model, testSet, version: set.version, answers: set.answers, queryIds: result.entries.map((entry) => entry.queryId) });
  const items: ImportedItem[] = [];
  if (result.variant === "stabletoolbench") {
    for (const entry of result.entries) {
      for (const { round, status } of entry.rounds) items.push({ queryId: entry.queryId, round, outcome: status, candidateId: set.answers.get(entry.queryId)! });
    }
  } else {
    for (const entry of result.entries) {
      const last = { taskSolvable: entry.taskSolvable, isSolved: entry.isSolved, reason: entry.reason, notHallucinate: entry.notHallucinate };
      // The JSON file keeps only the round counts and the TSV only the majority label: the order of
      // the rounds (and for the TSV their number) is not known.
      const outcomes = entry.counts ? [...Array(entry.counts.passed).fill("passed"), ...Array(entry.counts.failed).fill("failed")] : [entry.label!];
      outcomes.forEach((outcome: string, round) =>
        items.push({ queryId: entry.queryId, round, outcome, candidateId: set.answers.get(entry.queryId)!, detail: { roundOrderUnknown: true, countsOnly: !!entry.counts, lastRound: last } }),
      );
    }
  }
  const protocol = result.variant === "stabletoolbench" ? "sopr" : "toolbench";
  const evaluateTimes = Math.max(1, ...items.map((item) => item.round + 1));
  const written = await writeImportedRun({
    kind: "pass_rate",
    protocol,
    judgeName,
    evaluateTimes,
    source: { ...source(file, `${result.variant} pass rate`), fileModel: result.model ?? "" },
    createdById: userId,
    testSetId: set.testSetId,
    submissionSetId: set.id,
    total: set.queries || result.entries.length,
    queryIds: result.entries.map((entry) => entry.queryId),
    items,
  });

  return { ...written, protocol, evaluateTimes, version: set.version, queries: result.entries.length };
};

/** The models of a preference file: ours by name when the file names them, else by its order (reference first). */
const readPreference = (file: TextFile, reference: string, candidate: string) => {
  const inFile = readOrInvalid(() => readPreferenceResult({ fileName: file.name, content: file.content }));
  const named = new Set([inFile.referenceModel, inFile.candidateModel]);
  if (inFile.source === "json" && named.has(reference) && named.has(candidate)) {
    return readOrInvalid(() => readPreferenceResult({ fileName: file.name, content: file.content, referenceModel: reference, candidateModel: candidate }));
  }
  if (named.has(reference) !== named.has(candidate)) {
    throw new AppError("INVALID_INPUT", `${file.name} compares ${inFile.referenceModel} (reference) with ${inFile.candidateModel} (candidate): the models given do not match.`);
  }

  return inFile;
};

/** Preference results (JSON per-query counts or TSV labels) as a win-rate run of candidate against reference. */
export const importPreferenceResults = async ({ reference, candidate, testSet, judgeName, file, benchmark, userId = null }: {
  reference: string;
  candidate: string;
  testSet: string;
  judgeName: string;
  file: TextFile;
  benchmark?: string;
  userId?: string | null;
}) => {
  if (reference === candidate) throw new AppError("INVALID_INPUT", "The reference and the candidate must be different models.");
  const result = readPreference(file, reference, candidate);
  const [referenceSet, candidateSet] = [await latestAnswers({ model: reference, testSet, benchmark }), await latestAnswers({ model: candidate, testSet, benchmark })];
  if (referenceSet.testSetId !== candidateSet.testSetId) throw new AppError("INVALID_INPUT", `${reference} and ${candidate} answered ${testSet} of different benchmarks: name the benchmark.`);
  const queryIds = result.source === "json" ? result.entries.map((entry) => entry.queryId) : result.rows.map((row) => row.queryId);
  for (const [model, set] of [[reference, referenceSet], [candidate, candidateSet]] as const) requireAnswered({ model, testSet, version: set.version, answers: set.answers, queryIds });
  const ids = (queryId: string) => ({ candidateId: candidateSet.answers.get(queryId)!, referenceId: referenceSet.answers.get(queryId)! });
  const items: ImportedItem[] = [];
  if (result.source === "json") {
    // Only per-query totals are stored: rounds won by the reference come first, then the candidate's,
    // then completed rounds neither won. Which round was which is unknown.
    for (const entry of result.entries) {
      const complete = entry.rounds.filter((round) => round.complete).length;
      const outcomes = [...Array(entry.reference).fill("reference"), ...Array(entry.candidate).fill("candidate")];
      while (outcomes.length < complete) outcomes.push("tie");
      outcomes.forEach((outcome: string, round) => items.push({ queryId: entry.queryId, round, outcome, ...ids(entry.queryId), detail: { roundOrderUnknown: true } }));
    }
  } else {
    for (const row of result.rows) {
      const outcome = row.label === 1 ? "reference" : row.label === 2 ? "candidate" : "tie";
      items.push({ queryId: row.queryId, round: 0, outcome, ...ids(row.queryId), detail: { labelOnly: true } });
    }
  }
  const evaluateTimes = Math.max(1, ...items.map((item) => item.round + 1));
  const written = await writeImportedRun({
    kind: "preference",
    protocol: "preference",
    judgeName,
    evaluateTimes,
    source: { ...source(file, `preference ${result.source}`), fileModels: { reference: result.referenceModel, candidate: result.candidateModel } },
    createdById: userId,
    testSetId: candidateSet.testSetId,
    submissionSetId: candidateSet.id,
    referenceSubmissionSetId: referenceSet.id,
    total: queryIds.length,
    queryIds,
    items,
  });

  return { ...written, evaluateTimes, versions: { reference: referenceSet.version, candidate: candidateSet.version }, queries: queryIds.length };
};
