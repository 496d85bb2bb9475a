import { z } from "zod";
import { UPLOAD_ID } from "./stage";

/** Blank form fields and multipart parts mean "not given". */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@+-]*$/;

export const modelNameSchema = z.string().trim().min(1, "Enter a model name").max(100).regex(NAME, "Letters, digits and . _ - @ + only");
export const methodSchema = z.string().trim().min(1, "Enter the method").max(100).regex(NAME, "Letters, digits and . _ - @ + only (e.g. CoT@1)");
export const testSetNameSchema = z.string().trim().regex(/^[A-Za-z0-9][\w.-]{0,63}$/, "A test set name like G1_instruction");
export const benchmarkNameSchema = z.string().trim().min(1, "Enter a benchmark name").max(100).regex(/^[A-Za-z0-9][\w .-]*$/, "Letters, digits, spaces and . _ - only");
const noteSchema = z.string().trim().max(2000);

/** Fields of an upload (page, API, CLI): everything but the files is optional or guessed. */
export const uploadFieldsSchema = z.object({
  model: optional(modelNameSchema),
  method: optional(methodSchema),
  benchmark: optional(benchmarkNameSchema),
  testSet: optional(testSetNameSchema),
  note: optional(noteSchema),
  dryRun: z.preprocess((value) => value === true || value === "true" || value === "1", z.boolean()).default(false),
});
export type UploadFields = z.infer<typeof uploadFieldsSchema>;

/** The confirmation of a checked, staged upload (the "Store submission" button). */
export const confirmUploadSchema = z.object({
  uploadId: z.string().regex(UPLOAD_ID, "Unknown upload"),
  model: modelNameSchema,
  method: methodSchema,
  benchmark: benchmarkNameSchema,
  note: optional(noteSchema),
});
export type ConfirmUploadInput = z.infer<typeof confirmUploadSchema>;

const fileSchema = z.instanceof(File).refine((file) => file.size > 0, "Choose a file");

/** The admin page's query import: a query file and optionally its test-id file. */
export const importQueriesFormSchema = z.object({
  benchmark: benchmarkNameSchema,
  testSet: testSetNameSchema,
  queries: fileSchema,
  ids: z.preprocess((value) => (value instanceof File && value.size === 0 ? undefined : value), fileSchema.optional()),
});
