// The one place that reads process.env. Validated on first use so that a bad
// setting stops start-up with a message naming the variable.
import path from "node:path";
import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATA_DIR: z.string().min(1).default(".data"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SEED_DEMO: booleanFlag.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.default(false),
  // Notification e-mails: off unless SMTP_URL is set (smtp://user:pass@host:587, smtps://... for TLS).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAIL_FROM: z.string().min(3).default("Pipeline CRM <no-reply@localhost>"),
  // The address users open the app at, for links in e-mails.
  APP_URL: z.url("must be the app's address, like https://crm.example.com").optional(),
  JOB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  // How many reverse proxies stand in front of the app and set X-Forwarded-For/-Host/-Proto
  // ("true" = 1, "false" = 0). With 0 those headers are the client's own words and are ignored.
  TRUST_PROXY: z
    .enum(["true", "false"])
    .transform((v) => (v === "true" ? 1 : 0))
    .or(z.coerce.number().int("must be true, false or a number of proxies").min(0).max(10))
    .default(0),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; embedded: boolean };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const value = parsed.data;
  cached = {
    ...value,
    dataDir: path.resolve(value.DATA_DIR),
    embedded: !value.DATABASE_URL,
  };
  return cached;
}

/** Demo data goes into an empty embedded database by default; on PostgreSQL only when asked. */
export function shouldSeedDemo(): boolean {
  const e = env();
  return e.SEED_DEMO ?? e.embedded;
}
