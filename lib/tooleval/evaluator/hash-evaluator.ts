import { hashCanonical } from "../canonical-json";
import type { EvaluatorConfig } from "./types";

/**
 * A content hash of everything that shapes the judge's requests (class, settings, function schemas,
 * templates), used as a cache-key component. The name is left out: a renamed copy judges identically.
 */
export const hashEvaluator = ({ name: _name, supported: _supported, unsupportedReason: _reason, ...content }: EvaluatorConfig): string =>
  hashCanonical(content);
