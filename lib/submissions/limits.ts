import { getEnv } from "../env";
import { AppError } from "../errors";

/** What one upload may contain. Read from the environment; tests pass their own. */
export type UploadLimits = {
  /** The whole request (multipart body) or CLI input. */
  maxUploadBytes: number;
  /** One JSON file, alone or inside a zip: it is parsed in memory. */
  maxFileBytes: number;
  /** Entries of one zip archive (its central directory, folders included). */
  maxZipEntries: number;
  /** Expanded size of all zip entries of one upload together. */
  maxZipExpandedBytes: number;
};

export const uploadLimits = (): UploadLimits => {
  const env = getEnv();

  return {
    maxUploadBytes: env.TOOLEVAL_UPLOAD_MAX_BYTES,
    maxFileBytes: env.TOOLEVAL_UPLOAD_MAX_FILE_BYTES,
    maxZipEntries: env.TOOLEVAL_ZIP_MAX_ENTRIES,
    maxZipExpandedBytes: env.TOOLEVAL_ZIP_MAX_EXPANDED_BYTES,
  };
};

/** `512 MiB`, `1.5 KiB`: limits are shown to people, not as byte counts. */
export const formatBytes = (bytes: number): string => {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }

  return unit === 0 ? `${bytes} bytes` : `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
};

/**
 * An upload refused for its size (HTTP 413). The whole upload is refused, not one file: an archive
 * that lies about its sizes or a request over the limit is not worth reading further.
 */
export class UploadLimitError extends AppError {
  constructor(message: string) {
    super("INVALID_INPUT", message);
    this.name = "UploadLimitError";
  }

  override get status() {
    return 413;
  }
}

export const isUploadLimitError = (error: unknown): error is UploadLimitError => error instanceof UploadLimitError;
