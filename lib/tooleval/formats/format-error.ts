import type { z } from "zod";

/** One problem found in an input file, located as precisely as the file allows. */
export type FormatIssue = {
  /** The file name as the user knows it (an upload name or a path). */
  file?: string;
  /** The query the problem belongs to, when the file is organised by query. */
  queryId?: string;
  /** JSON path of the offending field, relative to the query's record when `queryId` is known. */
  path: string;
  message: string;
};

/** The outcome of a `safeParse…` function: the data, or the (capped) list of issues. */
export type SafeParseResult<T> =
  | { success: true; data: T }
  | { success: false; issues: FormatIssue[]; issueCount: number };

/** Where a value came from: used to name the file and query in every issue. */
export type FileContext = { file?: string; queryId?: string | number };

/** Reports are meant for people: a file with thousands of broken records shows the first few. */
export const MAX_ISSUES = 20;

/** `file: query 588: answer.answer_details[0].role: expected string, received number`. */
export const formatIssue = ({ file, queryId, path, message }: FormatIssue): string =>
  [file, queryId === undefined ? undefined : `query ${queryId}`, path || undefined, message]
    .filter((part) => part !== undefined)
    .join(": ");

/** The single error type of the format and conversion layer; it keeps the structured issues. */
export class FormatError extends Error {
  readonly issues: FormatIssue[];
  readonly issueCount: number;

  constructor(issues: FormatIssue[], issueCount = issues.length) {
    const shown = issues.slice(0, MAX_ISSUES);
    const more = issueCount - shown.length;
    const lines = shown.map(formatIssue);
    if (more > 0) lines.push(`… and ${more} more issue${more === 1 ? "" : "s"}`);
    super(lines.join("\n"));
    this.name = "FormatError";
    this.issues = shown;
    this.issueCount = issueCount;
  }
}

/** Throws a {@link FormatError} for one issue. */
export const failFormat = (issue: FormatIssue): never => {
  throw new FormatError([issue]);
};

/** The data of a successful result, or a {@link FormatError} carrying its issues. */
export const unwrapResult = <T>(result: SafeParseResult<T>): T => {
  if (!result.success) throw new FormatError(result.issues, result.issueCount);

  return result.data;
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `answer.answer_details[0].next[0]`; keys that are not identifiers use `["relevant APIs"]`. */
export const formatPath = (path: readonly PropertyKey[]): string =>
  path
    .map((segment, index) => {
      if (typeof segment === "number") return `[${segment}]`;
      const key = String(segment);
      if (!IDENTIFIER.test(key)) return `[${JSON.stringify(key)}]`;

      return index === 0 ? key : `.${key}`;
    })
    .join("");

/** How the first path segment relates to query ids in a file layout. */
export type QueryLayout =
  /** An object keyed by query id (converted answers, result files). */
  | "keyed"
  /** An array of records that carry `query_id` (query files). */
  | "array"
  /** One query per file (raw answers): the id comes from the context. */
  | "single";

type ZodIssue = z.core.$ZodIssue;

/**
 * Zod reports a failed union once per branch; show the branch that got furthest into the value,
 * and among those the one with the fewest complaints (the closest match).
 */
const flattenIssue = (issue: ZodIssue): ZodIssue[] => {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return [issue];
  const deepest = (branch: ZodIssue[]) => Math.max(...branch.map((item) => item.path.length));
  const best = [...issue.errors].sort((a, b) => deepest(b) - deepest(a) || a.length - b.length)[0]!;

  return best.flatMap((inner) => flattenIssue({ ...inner, path: [...issue.path, ...inner.path] } as ZodIssue));
};

const describe = (issue: ZodIssue): string => {
  if (issue.code === "invalid_key" && issue.issues[0]) return `invalid key: ${describe(issue.issues[0])}`;
  const message = issue.message.replace(/^Invalid input: /, "");
  const missing = /^expected (.+), received undefined$/.exec(message);

  return missing ? `missing required field (expected ${missing[1]})` : message;
};

const recordQueryId = (root: unknown, index: PropertyKey): string | undefined => {
  if (!Array.isArray(root) || typeof index !== "number") return undefined;
  const id = (root[index] as { query_id?: unknown } | undefined)?.query_id;

  return typeof id === "number" || typeof id === "string" ? String(id) : undefined;
};

/** Turns zod issues into located {@link FormatIssue}s (query id split off the path per layout). */
export const issuesFromZod = ({
  error,
  root,
  layout,
  context,
}: {
  error: z.ZodError;
  root: unknown;
  layout: QueryLayout;
  context: FileContext;
}): FormatIssue[] =>
  error.issues.flatMap(flattenIssue).map((issue) => {
    const path = issue.path as PropertyKey[];
    let queryId = context.queryId === undefined ? undefined : String(context.queryId);
    let shown = path;
    if (layout === "keyed" && path.length > 0) {
      queryId = String(path[0]);
      shown = path.slice(1);
    } else if (layout === "array" && path.length > 0) {
      queryId = recordQueryId(root, path[0]!) ?? queryId;
    }

    return { file: context.file, queryId, path: formatPath(shown), message: describe(issue) };
  });

/** Runs a schema as a validator. The caller's value is returned untouched (zod would reorder keys). */
export const validate = <T>({
  schema,
  value,
  layout,
  context,
}: {
  schema: z.ZodType;
  value: unknown;
  layout: QueryLayout;
  context: FileContext;
}): SafeParseResult<T> => {
  const result = schema.safeParse(value);
  if (result.success) return { success: true, data: value as T };
  const issues = issuesFromZod({ error: result.error, root: value, layout, context });

  return { success: false, issues: issues.slice(0, MAX_ISSUES), issueCount: issues.length };
};
