// Structured JSON logs (pino). Request handlers add requestId, userId and duration.
import pino from "pino";

const level = process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");

export const logger = pino({
  level,
  base: { service: "pipeline-crm" },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "authorization", "*.authorization"], remove: true },
});
