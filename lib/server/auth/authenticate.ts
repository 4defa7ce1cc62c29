// Checks a sign-in attempt. The answer never says which part was wrong.
import { z } from "zod";
import { prisma } from "@/lib/db";
import type { Actor } from "./actor";
import { DUMMY_HASH, verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export async function authenticate(raw: unknown): Promise<Actor | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const user = await prisma().user.findUnique({
    where: { email: parsed.data.email },
    omit: { passwordHash: false },
  });
  // Verify against a dummy hash for unknown emails so timing does not reveal which emails exist.
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
