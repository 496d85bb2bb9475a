/** Validation of every ToolEval file format (spec §1); each parser names the file, query and path. */
export * from "./format-error";
export * from "./query-file";
export * from "./raw-answer";
export * from "./converted-answer";
export * from "./result-json";
export * from "./result-tsv";
export * from "./detect-format";
