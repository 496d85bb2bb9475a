import path from "node:path";

/** The shared real-data fixtures, beside the checkout (never copied into the project). */
export const FIXTURES = path.resolve(import.meta.dirname, "../../../shared/fixtures");
export const STB_FIXTURES = path.join(FIXTURES, "stabletoolbench");
export const STB_EXAMPLE = path.join(STB_FIXTURES, "data_example");
export const TB_FIXTURES = path.join(FIXTURES, "toolbench");
