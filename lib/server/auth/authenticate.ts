// Checks a sign-in attempt. The answer never says which part was wrong.
// Every attempt is throttled (sign-in-throttle.ts: the attempt is counted
// before its password is checked) and written to the audit log.
import { z } from "zod";
import { prisma } from "@/lib/db";
import { logger } from "../../log";
import type { Actor } from "./actor";
import { DUMMY_HASH, verifyPassword } from "../../auth/password";
import { recordSignInFailure, releaseSignInAttempt, reserveSignInAttempt } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type PasswordCheck = (password: string, stored: string) => Promise<boolean>;

export type AuthenticationResult = { ok: true; actor: Actor } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAfterSeconds: number };

type Checked = AuthenticationResult | { ok: false; reason: "invalid"; userId: string | null };

/**
 * The throttled password check shared by sign-in and the password change:
 * reserve the attempt, then verify (against a dummy hash for unknown emails,
 * so timing does not reveal which emails exist), then keep or give back the
 * reservation. `verify` is swappable so tests can count the checks.
 */
export async function checkPassword(email: string, password: string, ip: string | null, verify: PasswordCheck = verifyPassword): Promise<Checked> {
  const reservation = await reserveSignInAttempt(email, ip);
  if (!reservation.ok) return { ok: false, reason: "locked", retryAfterSeconds: reservation.retryAfterSeconds };
  const user = await prisma().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const matches = await verify(password, user?.passwordHash ?? DUMMY_HASH);
  // One line per password checked: the throttle's tests count these in the server's output.
  logger.info({ event: "password-check", matches }, "password checked");
  if (!user || !matches || !user.active) {
    await recordSignInFailure(email, ip);
    return { ok: false, reason: "invalid", userId: user?.id ?? null };
  }
  await releaseSignInAttempt(email, ip);
  return { ok: true, actor: { id: user.id, email: user.email, name: user.name, role: user.role } };
}

async function audit(action: string, email: string, ip: string | null, actorId: string | null) {
  await prisma().auditLog.create({ data: { action, entity: "session", entityId: email, actorId, ip, after: { email } } });
}

export async function authenticate(raw: unknown, ip: string | null = null, verify?: PasswordCheck): Promise<AuthenticationResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const result = await checkPassword(email, password, ip, verify);
  if (result.ok) {
    await audit("sign-in", email, ip, result.actor.id);
    return result;
  }
  if (result.reason === "locked") {
    await audit("sign-in.locked", email, ip, null);
    return result;
  }
  await audit("sign-in.failed", email, ip, "userId" in result ? result.userId : null);
  return { ok: false, reason: "invalid" };
}
