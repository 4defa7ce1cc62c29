import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useDatabase } from "@/lib/db";
import { loadActiveActor } from "@/lib/server/auth/actor";
import { authenticate } from "@/lib/server/auth/authenticate";
import { hashPassword } from "@/lib/server/auth/password";
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
    const actor = await authenticate({ email: " Active@Example.com ", password: "s3cret-pass" });
    expect(actor).toEqual({ id: expect.any(String), email: "active@example.com", name: "Active", role: "SALES" });
  });

  it("refuses a wrong password, an unknown email and malformed input alike", async () => {
    expect(await authenticate({ email: "active@example.com", password: "wrong" })).toBeNull();
    expect(await authenticate({ email: "nobody@example.com", password: "s3cret-pass" })).toBeNull();
    expect(await authenticate({ email: "not-an-email", password: "x" })).toBeNull();
    expect(await authenticate({ email: ["a"], password: { $ne: "" } })).toBeNull();
    expect(await authenticate(undefined)).toBeNull();
  });

  it("refuses an inactive user even with the right password, and drops their session at once", async () => {
    expect(await authenticate({ email: "gone@example.com", password: "s3cret-pass" })).toBeNull();
    const active = await t.db.prisma.user.findUniqueOrThrow({ where: { email: "active@example.com" } });
    expect(await loadActiveActor(active.id)).not.toBeNull();
    await t.db.prisma.user.update({ where: { id: active.id }, data: { active: false } });
    expect(await loadActiveActor(active.id)).toBeNull();
    await t.db.prisma.user.update({ where: { id: active.id }, data: { active: true } });
  });

  it("never returns the password hash from an ordinary query", async () => {
    const user = await t.db.prisma.user.findFirstOrThrow();
    expect(user).not.toHaveProperty("passwordHash");
  });
});
