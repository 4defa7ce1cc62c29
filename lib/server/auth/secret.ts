// The key that signs session tokens. Configured with AUTH_SECRET; the embedded
// default generates one on first start and keeps it in the data folder, so a
// fresh `npm start` needs no setup and sessions survive restarts.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string {
  if (cached) return cached;
  const e = env();
  if (e.AUTH_SECRET) return (cached = e.AUTH_SECRET);
  if (!e.embedded && e.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production with DATABASE_URL. Generate one with: openssl rand -base64 32");
  }
  const file = path.join(e.dataDir, "auth-secret");
  fs.mkdirSync(e.dataDir, { recursive: true });
  if (!fs.existsSync(file)) {
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cached = fs.readFileSync(file, "utf8").trim());
}
