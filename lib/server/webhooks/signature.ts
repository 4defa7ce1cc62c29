// Signing webhook requests: HMAC-SHA256 over "<timestamp>.<body>" with the
// endpoint's secret, hex-encoded, sent as "v1=<hex>" (one per valid secret
// while a rotated-out secret still counts, space-separated). The verification
// recipe below is shown on the API reference page and run as is by the tests.
import { createHmac, randomBytes } from "node:crypto";

export const HEADERS = {
  id: "X-Pipeline-Event-Id",
  type: "X-Pipeline-Event-Type",
  timestamp: "X-Pipeline-Timestamp",
  signature: "X-Pipeline-Signature",
  delivery: "X-Pipeline-Delivery-Id",
} as const;

export const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/** What lists show of a secret: enough to tell two apart, nothing to sign with. */
export const secretHint = (secret: string) => `${secret.slice(0, 10)}…`;

export function sign(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function signatureHeader(secrets: string[], timestamp: number, body: string): string {
  return secrets.map((s) => sign(s, timestamp, body)).join(" ");
}

/** Node.js, no dependencies: the recipe the API reference shows. `rawBody` is the request body exactly as received. */
export const VERIFY_SNIPPET = `const crypto = require("node:crypto");

// secret: the endpoint's signing secret (whsec_...); headers: lower-case names.
function verifyPipelineWebhook(secret, headers, rawBody, toleranceSeconds = 300) {
  const timestamp = headers["x-pipeline-timestamp"];
  const signatures = String(headers["x-pipeline-signature"] || "").split(" ");
  if (!/^\\d+$/.test(timestamp || "")) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > toleranceSeconds) return false; // replayed
  const expected = "v1=" + crypto.createHmac("sha256", secret).update(timestamp + "." + rawBody).digest("hex");
  return signatures.some((s) => s.length === expected.length && crypto.timingSafeEqual(Buffer.from(s), Buffer.from(expected)));
}`;
