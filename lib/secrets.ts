import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getEnv } from "./env";

/**
 * The installation secret: signs sessions and derives the key that encrypts judge API keys at rest.
 * TOOLEVAL_SECRET wins; otherwise one is generated on first start and kept in the data folder (0600).
 * Processes on other machines (extra workers, more web servers) must be given TOOLEVAL_SECRET.
 */
export const getAppSecret = (): string => {
  const env = getEnv();
  if (env.TOOLEVAL_SECRET) return env.TOOLEVAL_SECRET;
  const file = path.join(env.dataDir, "secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(env.dataDir, { recursive: true, mode: 0o711 });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }

  return fs.readFileSync(file, "utf8").trim();
};

const key = () => crypto.createHash("sha256").update(`tooleval:judge-keys:${getAppSecret()}`).digest();

/** AES-256-GCM, encoded as `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export const encryptSecret = (plain: string): string => {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);

  return ["v1", iv, cipher.getAuthTag(), body].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
};

export const decryptSecret = (sealed: string): string => {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) throw new Error("Unrecognised encrypted value");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));

  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
};
