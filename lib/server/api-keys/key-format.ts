// API keys: "pcrm_" + 8 characters shown in lists (the prefix) + "_" + 32
// random characters. Only a SHA-256 of the whole key is stored: keys carry
// 190+ bits of randomness, so a fast hash is safe and keeps lookups cheap.
import { createHash, randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function randomString(length: number): string {
  const bytes = randomBytes(length * 2);
  let out = "";
  for (let i = 0; out.length < length; i++) {
    const b = bytes[i % bytes.length];
    if (b < 248) out += ALPHABET[b % 62]; // 248 = 4 x 62: keeps the distribution uniform
    if (i >= bytes.length * 4) throw new Error("entropy source exhausted");
  }
  return out;
}

export interface NewApiKey {
  secret: string;
  prefix: string;
  hash: string;
}

export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function generateApiKey(): NewApiKey {
  const prefix = randomString(8);
  const secret = `pcrm_${prefix}_${randomString(32)}`;
  return { secret, prefix: `pcrm_${prefix}`, hash: hashApiKey(secret) };
}

export function looksLikeApiKey(value: string): boolean {
  return /^pcrm_[A-Za-z0-9]{8}_[A-Za-z0-9]{32}$/.test(value);
}
