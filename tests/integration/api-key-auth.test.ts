// API key authentication on each database: the one statement every API
// request runs (lookup, and when this instance has no rate-limit tokens left,
// the reservation of the next block and the last-used refresh), with no cache
// between a revocation or deactivation and the next request.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { authenticateApiKey } from "@/lib/server/api-keys/authenticate-key";
import { issueApiKey } from "@/lib/server/api-keys/manage";
import { LeaseBook } from "@/lib/server/api-keys/rate-lease";
import { hashPassword } from "@/lib/auth/password";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("API key authentication on %s", (kind) => {
  let t: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    const user = await t.db.prisma.user.create({ data: { email: "key@example.com", name: "Key Holder", role: "MANAGER", passwordHash: await hashPassword("s3cret-pass") } });
    userId = user.id;
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  const minute = Date.UTC(2030, 0, 1, 12, 0, 0);

  it("resolves a key to its user and counts each request in the key's window, starting afresh in the next", async () => {
    const { secret, key } = await issueApiKey(userId, "counting");
    const first = await authenticateApiKey(secret, 3, minute + 1_000);
    expect(first).toEqual({
      actor: { id: userId, email: "key@example.com", name: "Key Holder", role: "MANAGER" },
      keyId: key.id,
      rateLimit: { allowed: true, count: 1, limit: 3, retryAfter: 59 },
    });
    await authenticateApiKey(secret, 3, minute + 2_000);
    await authenticateApiKey(secret, 3, minute + 3_000);
    const fourth = await authenticateApiKey(secret, 3, minute + 50_000);
    expect(fourth?.rateLimit).toEqual({ allowed: false, count: 4, limit: 3, retryAfter: 10 });
    const nextWindow = await authenticateApiKey(secret, 3, minute + 61_000);
    expect(nextWindow?.rateLimit).toMatchObject({ allowed: true, count: 1 });
  });

  it("lets two app instances together serve at most the limit, and hardly fewer", async () => {
    const { secret } = await issueApiKey(userId, "two instances");
    const limit = 640; // blocks of 10 tokens
    const instances = [new LeaseBook(), new LeaseBook()];
    let served = 0;
    for (let i = 0; i < 700; i++) {
      const auth = await authenticateApiKey(secret, limit, minute + 1_000 + i, instances[(i * 7919) % 3 === 0 ? 0 : 1]);
      if (auth?.rateLimit.allowed) served++;
    }
    expect(served).toBeLessThanOrEqual(limit);
    expect(served).toBeGreaterThanOrEqual(limit - 9); // the other instance's unspent block at most
    const nextWindow = await authenticateApiKey(secret, limit, minute + 61_000, instances[0]);
    expect(nextWindow?.rateLimit).toMatchObject({ allowed: true, count: 1 });
  });

  it("counts one instance's requests exactly while it spends a reserved block", async () => {
    const { secret, key } = await issueApiKey(userId, "one instance");
    const book = new LeaseBook();
    const counts: number[] = [];
    for (let i = 0; i < 25; i++) counts.push((await authenticateApiKey(secret, 640, minute + 1_000, book))!.rateLimit.count);
    expect(counts).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    // Three reservations of 10 tokens, not 25 writes.
    const bucket = await t.db.prisma.rateLimitBucket.findUniqueOrThrow({ where: { key: `api-key:${key.id}` } });
    expect(bucket.count).toBe(30);
  });

  it("stops a revoked key at the next request although its instance still holds tokens", async () => {
    const { secret, key } = await issueApiKey(userId, "revoked with tokens");
    const book = new LeaseBook();
    expect(await authenticateApiKey(secret, 6400, minute + 1_000, book)).not.toBeNull();
    await t.db.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiKey(secret, 6400, minute + 2_000, book)).toBeNull();
  });

  it("refreshes last-used at most once a minute", async () => {
    const { secret, key } = await issueApiKey(userId, "touching");
    await authenticateApiKey(secret, 100);
    const touched = (await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt;
    expect(touched).not.toBeNull();
    await authenticateApiKey(secret, 100);
    expect((await t.db.prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt).toEqual(touched);
  });

  it("refuses a malformed, an unknown and a revoked key, and a deactivated user's key at the very next request", async () => {
    const { secret, key } = await issueApiKey(userId, "stopping");
    expect(await authenticateApiKey("not-a-key", 100)).toBeNull();
    expect(await authenticateApiKey(`pcrm_AAAAAAAA_${"A".repeat(32)}`, 100)).toBeNull();
    expect(await authenticateApiKey(secret, 100)).not.toBeNull();
    await t.db.prisma.user.update({ where: { id: userId }, data: { active: false } });
    expect(await authenticateApiKey(secret, 100)).toBeNull();
    await t.db.prisma.user.update({ where: { id: userId }, data: { active: true } });
    expect(await authenticateApiKey(secret, 100)).not.toBeNull();
    await t.db.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiKey(secret, 100)).toBeNull();
  });
});
