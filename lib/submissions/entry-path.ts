/**
 * Names of uploaded files and zip entries as people see them: `model/G1_instruction/588_CoT@1.json`.
 * These names are never used as paths on disk (uploads are stored under generated names), but a name
 * that tries to climb out of its folder is refused outright: it only appears in crafted archives.
 */

export type EntryPath = { ok: true; path: string } | { ok: false; reason: string };

/** Normalises separators and refuses absolute paths, drive letters and `..` segments. */
export const normalizeEntryPath = (name: string): EntryPath => {
  const unified = name.replace(/\\/g, "/");
  if (unified.startsWith("/") || /^[A-Za-z]:/.test(unified)) return { ok: false, reason: `absolute path "${name}"` };
  const segments = unified.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) return { ok: false, reason: `"${name}" climbs out of its folder (..)` };
  if (segments.some((segment) => segment.includes("\u0000"))) return { ok: false, reason: `"${name}" contains a NUL character` };
  if (segments.length === 0) return { ok: false, reason: "an empty file name" };

  return { ok: true, path: segments.join("/") };
};

/** macOS resource forks, Finder metadata and hidden files are not answers. */
export const isIgnoredPath = (entryPath: string): boolean =>
  entryPath.split("/").some((segment) => segment === "__MACOSX" || segment.startsWith("."));

export const baseName = (entryPath: string): string => entryPath.split("/").at(-1) ?? entryPath;

/** The folders of a path, outermost first (`a/b/c.json` → `["a", "b"]`). */
export const folderSegments = (entryPath: string): string[] => entryPath.split("/").slice(0, -1);
