import { z } from "zod";
import { type FileContext, type SafeParseResult, unwrapResult, validate } from "./format-error";

const parameterSchema = z.looseObject({
  name: z.string(),
  type: z.string().optional(),
  description: z.string().nullish(),
  default: z.unknown().optional(),
});

/**
 * One API of a query (spec §1.1). Only the names are required: the minimal inference form carries
 * just `category_name`, `tool_name` and `api_name`.
 */
export const apiDescriptorSchema = z.looseObject({
  category_name: z.string().optional(),
  tool_name: z.string(),
  api_name: z.string(),
  api_description: z.string().nullish(),
  required_parameters: z.array(parameterSchema).optional(),
  optional_parameters: z.array(parameterSchema).optional(),
  method: z.string().optional(),
  template_response: z.unknown().optional(),
});

export const queryRecordSchema = z.looseObject({
  query_id: z.int(),
  query: z.string(),
  api_list: z.array(apiDescriptorSchema).optional(),
  "relevant APIs": z.array(z.tuple([z.string(), z.string()])).optional(),
});

/** A query (instruction) file: a JSON array of query records. */
export const queryFileSchema = z.array(queryRecordSchema);

export type ApiDescriptor = z.infer<typeof apiDescriptorSchema>;
export type QueryRecord = z.infer<typeof queryRecordSchema>;
export type QueryFile = QueryRecord[];

/** A test-id file `{ "<query id>": 0, … }`; ToolEval reads only the keys. */
export const testIdsSchema = z.record(z.string().regex(/^\d+$/, "query ids are integers"), z.number());
export type TestIds = z.infer<typeof testIdsSchema>;

/** Validates a parsed query file; the issues name the record's `query_id` when it has one. */
export const safeParseQueryFile = (value: unknown, context: FileContext = {}): SafeParseResult<QueryFile> =>
  validate({ schema: queryFileSchema, value, layout: "array", context });

/** Like {@link safeParseQueryFile} but throws a `FormatError`. */
export const parseQueryFile = (value: unknown, context: FileContext = {}): QueryFile =>
  unwrapResult(safeParseQueryFile(value, context));

/** Validates a parsed test-id file. */
export const safeParseTestIds = (value: unknown, context: FileContext = {}): SafeParseResult<TestIds> =>
  validate({ schema: testIdsSchema, value, layout: "keyed", context });

/** Like {@link safeParseTestIds} but throws a `FormatError`. */
export const parseTestIds = (value: unknown, context: FileContext = {}): TestIds =>
  unwrapResult(safeParseTestIds(value, context));
