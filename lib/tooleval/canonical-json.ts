import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level and no whitespace, so that equal values always give
 * the same text (and the same hash) whatever order their keys were built in. `undefined` object
 * members are dropped, as JSON.stringify does.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`);

  return `{${entries.join(",")}}`;
};

export const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

/** sha256 of the canonical JSON of a value: a stable content hash for cache keys. */
export const hashCanonical = (value: unknown): string => sha256Hex(canonicalJson(value));
