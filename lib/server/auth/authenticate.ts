// Checks a sign-in attempt. The answer never says which part was wrong.
// Every attempt is throttled and written to the audit log.
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Actor } from "./actor";
import { DUMMY_HASH, verifyPassword } from "./password";
import { clearSignInFailures, recordSignInFailure, signInLockedFor } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export type AuthenticationResult = { ok: true; actor: Actor } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; retryAfterSeconds: number };

async function audit(action: string, email: string, ip: string | null, actorId: string | null) {
  await prisma().auditLog.create({ data: { action, entity: "session", entityId: email, actorId, ip, after: { email } } });
}

export async function authenticate(raw: unknown, ip: string | null = null): Promise<AuthenticationResult> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const lockedFor = await signInLockedFor(email, ip);
  if (lockedFor > 0) {
    await audit("sign-in.locked", email, ip, null);
    return { ok: false, reason: "locked", retryAfterSeconds: lockedFor };
  }
  const user = await prisma().user.findUnique({ where: { email }, omit: { passwordHash: false } });
  // Verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    await recordSignInFailure(email, ip);
    await audit("sign-in.failed", email, ip, user?.id ?? null);
    return { ok: false, reason: "invalid" };
  }
  await clearSignInFailures(email);
  await audit("sign-in", email, ip, user.id);
  return { ok: true, actor: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
