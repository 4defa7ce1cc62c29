import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { loadActiveActor } from "@/lib/server/auth/actor";
import { authenticate, type PasswordCheck } from "@/lib/server/auth/authenticate";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { MAX_FAILURES } from "@/lib/server/auth/sign-in-throttle";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

describe.each(availableKinds())("sign-in checks on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    const passwordHash = await hashPassword("s3cret-pass");
    await t.db.prisma.user.createMany({
      data: [
        { email: "active@example.com", name: "Active", role: "SALES", passwordHash },
        { email: "gone@example.com", name: "Gone", role: "ADMIN", passwordHash, active: false },
      ],
    });
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });

  it("accepts the right password, case-insensitively on the email, and returns no secret", async () => {
    const result = await authenticate({ email: " Active@Example.com ", password: "s3cret-pass" });
    expect(result).toEqual({ ok: true, actor: { id: expect.any(String), email: "active@example.com", name: "Active", role: "SALES" } });
  });

  it("refuses a wrong password, an unknown email and malformed input alike", async () => {
    const invalid = { ok: false, reason: "invalid" };
    expect(await authenticate({ email: "active@example.com", password: "wrong" })).toEqual(invalid);
    expect(await authenticate({ email: "nobody@example.com", password: "s3cret-pass" })).toEqual(invalid);
    expect(await authenticate({ email: "not-an-email", password: "x" })).toEqual(invalid);
    expect(await authenticate({ email: ["a"], password: { $ne: "" } })).toEqual(invalid);
    expect(await authenticate(undefined)).toEqual(invalid);
  });

  it("refuses an inactive user even with the right password, and drops their session at once", async () => {
    expect(await authenticate({ email: "gone@example.com", password: "s3cret-pass" })).toEqual({ ok: false, reason: "invalid" });
    const active = await t.db.prisma.user.findUniqueOrThrow({ where: { email: "active@example.com" } });
    expect(await loadActiveActor(active.id)).not.toBeNull();
    await t.db.prisma.user.update({ where: { id: active.id }, data: { active: false } });
    expect(await loadActiveActor(active.id)).toBeNull();
    await t.db.prisma.user.update({ where: { id: active.id }, data: { active: true } });
  });

  it("locks an account after 10 failures in 15 minutes, even for the right password, and audits every attempt", async () => {
    const passwordHash = await hashPassword("right-password");
    await t.db.prisma.user.create({ data: { email: "target@example.com", name: "Target", role: "SALES", passwordHash } });
    for (let i = 0; i < 9; i++) expect((await authenticate({ email: "target@example.com", password: `guess-${i}` }, `198.51.100.${i}`)).ok).toBe(false);
    // Nine failures: the owner can still get in, which does not wipe the guesses already made.
    expect((await authenticate({ email: "target@example.com", password: "right-password" })).ok).toBe(true);
    expect((await authenticate({ email: "target@example.com", password: "guess-9" }, "198.51.100.9")).ok).toBe(false);
    const locked = await authenticate({ email: "target@example.com", password: "right-password" }, "192.0.2.1");
    expect(locked).toEqual({ ok: false, reason: "locked", retryAfterSeconds: expect.any(Number) });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(14 * 60);
    const actions = await t.db.prisma.auditLog.groupBy({ by: ["action"], where: { entityId: "target@example.com" }, _count: true });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count]))).toEqual({ "sign-in": 1, "sign-in.failed": 10, "sign-in.locked": 1 });
  });

  it("locks an address that guesses across many accounts, without locking those accounts elsewhere", async () => {
    for (let i = 0; i < 10; i++) await authenticate({ email: `victim${i}@example.com`, password: "x" }, "203.0.113.66");
    expect(await authenticate({ email: "active@example.com", password: "s3cret-pass" }, "203.0.113.66")).toMatchObject({ ok: false, reason: "locked" });
    expect(await authenticate({ email: "active@example.com", password: "s3cret-pass" }, "203.0.113.67")).toMatchObject({ ok: true });
  });

  describe("under concurrent guessing", () => {
    /** The real check, counted: what the throttle must bound is passwords checked, not answers. */
    function countingCheck() {
      const checked: string[] = [];
      const verify: PasswordCheck = async (password, stored) => {
        checked.push(password);
        return verifyPassword(password, stored);
      };
      return { checked, verify };
    }

    async function victim(email: string) {
      await t.db.prisma.user.create({ data: { email, name: "Victim", role: "SALES", passwordHash: await hashPassword("the-right-one") } });
    }

    it("checks at most 10 of 50 parallel passwords for one account, and the right one gets no session once they are used up", async () => {
      await victim("parallel@example.com");
      const { checked, verify } = countingCheck();
      const passwords = Array.from({ length: 50 }, (_, i) => (i === 25 ? "the-right-one" : `wrong-${i}`));
      const results = await Promise.all(passwords.map((password, i) => authenticate({ email: "parallel@example.com", password }, `198.18.0.${i}`, verify)));
      expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES + 1);
      expect(checked.filter((p) => p !== "the-right-one").length).toBeLessThanOrEqual(MAX_FAILURES);
      expect(results.filter((r) => r.ok === false && r.reason === "locked").length).toBeGreaterThanOrEqual(50 - MAX_FAILURES - 1);
      // A success only for a password that was really checked in time, and never more than one.
      const successes = results.filter((r) => r.ok);
      expect(successes.length).toBe(checked.includes("the-right-one") ? 1 : 0);
      console.info(`[throttle ${kind}] 50 parallel attempts: ${checked.length} passwords checked, right one ${successes.length ? "checked in time" : "refused"}`);
      // The window is used up: the right password is refused without being checked.
      const before = checked.length;
      expect(await authenticate({ email: "parallel@example.com", password: "the-right-one" }, "198.18.1.1", verify)).toMatchObject({ ok: false, reason: "locked" });
      expect(checked.length).toBe(before);
    });

    it("checks at most 10 passwords when the right one is tried only after 50 parallel wrong ones", async () => {
      await victim("parallel2@example.com");
      const { checked, verify } = countingCheck();
      await Promise.all(Array.from({ length: 50 }, (_, i) => authenticate({ email: "parallel2@example.com", password: `wrong-${i}` }, `198.18.2.${i}`, verify)));
      expect(checked.length).toBe(MAX_FAILURES);
      expect(await authenticate({ email: "parallel2@example.com", password: "the-right-one" }, "198.18.3.1", verify)).toMatchObject({ ok: false, reason: "locked" });
      expect(checked.length).toBe(MAX_FAILURES);
    });

    it("checks at most 10 passwords from one address spread over 50 accounts at once", async () => {
      const { checked, verify } = countingCheck();
      await Promise.all(Array.from({ length: 50 }, (_, i) => authenticate({ email: `spread${i}@example.com`, password: "x" }, "198.18.9.9", verify)));
      expect(checked.length).toBe(MAX_FAILURES);
    });
  });

  it("never returns the password hash from an ordinary query", async () => {
    const user = await t.db.prisma.user.findFirstOrThrow();
    expect(user).not.toHaveProperty("passwordHash");
  });
});
