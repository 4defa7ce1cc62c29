// Creating, listing and revoking API keys. A key acts with its user's rights;
// users manage their own keys, admins see and revoke everyone's.
import { prisma } from "@/lib/db";
import type { CreateApiKeyInput } from "@/lib/validation/api-keys";
import { isAdmin, type Actor } from "../auth/actor";
import { AppError, notFound } from "../errors";
import { isoTimestamp } from "../serialize";
import { generateApiKey } from "./key-format";

export interface ApiKeyDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  user: { id: string; name: string; email: string };
}

const select = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

type Row = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; user: ApiKeyDto["user"] };

function toDto(row: Row): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: isoTimestamp(row.lastUsedAt),
    revokedAt: isoTimestamp(row.revokedAt),
    user: row.user,
  };
}

/** Creates a key for `userId`. The secret is returned once and never stored. */
export async function issueApiKey(userId: string, name: string): Promise<{ key: ApiKeyDto; secret: string }> {
  const generated = generateApiKey();
  const row = await prisma().apiKey.create({
    data: { userId, name, prefix: generated.prefix, keyHash: generated.hash },
    select,
  });
  return { key: toDto(row), secret: generated.secret };
}

export async function createApiKey(actor: Actor, input: CreateApiKeyInput) {
  return issueApiKey(actor.id, input.name);
}

export async function listApiKeys(actor: Actor, scope: "mine" | "all" = "mine"): Promise<ApiKeyDto[]> {
  if (scope === "all" && !isAdmin(actor)) throw new AppError("FORBIDDEN", "Only admins can see everyone's API keys");
  const rows = await prisma().apiKey.findMany({
    where: scope === "all" ? {} : { userId: actor.id },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select,
  });
  return rows.map(toDto);
}

export async function revokeApiKey(actor: Actor, id: string): Promise<ApiKeyDto> {
  const key = await prisma().apiKey.findUnique({ where: { id }, select: { userId: true, revokedAt: true } });
  // Someone else's key is "not found" to a non-admin: its existence is not theirs to learn.
  if (!key || (key.userId !== actor.id && !isAdmin(actor))) throw notFound("API key");
  const row = await prisma().apiKey.update({
    where: { id },
    data: key.revokedAt ? {} : { revokedAt: new Date() },
    select,
  });
  return toDto(row);
}
