import { beforeAll, describe, expect, it } from "vitest";
import { loadActiveActor, type Actor } from "@/lib/server/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { changeRole, createUser, listUserSettings, reassignOpportunities, resetPassword, setUserActive } from "@/lib/server/users/manage";
import { reassignSchema, userCreateSchema } from "@/lib/validation/users";
import { availableKinds } from "../support/test-database";
import { withDemoDatabase } from "../support/settings-actors";

describe.each(availableKinds())("user settings on %s", (kind) => {
  const ctx = withDemoDatabase(kind);
  const p = () => ctx.prisma();
  let admin: Actor;
  let manager: Actor;
  let alice: Actor;
  let bob: Actor;
  beforeAll(() => {
    admin = ctx.actor("admin");
    manager = ctx.actor("manager");
    alice = ctx.actor("alice");
    bob = ctx.actor("bob");
  });

  it("creates a user with a generated password shown once and stored only as a hash", async () => {
    const created = await createUser(admin, userCreateSchema.parse({ email: "Carol@Example.com", name: "Carol Chen", role: "SALES" }));
    expect(created.email).toBe("carol@example.com");
    expect(created.password).toMatch(/^[A-Za-z0-9]{20}$/);
    const stored = await p().user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).not.toContain(created.password);
    expect(await verifyPassword(created.password, stored.passwordHash)).toBe(true);
    await expect(createUser(admin, userCreateSchema.parse({ email: "carol@example.com", name: "Again", role: "SALES" }))).rejects.toMatchObject({
      code: "CONFLICT", fields: { email: expect.any(String) },
    });
    const reset = await resetPassword(admin, { id: created.id });
    const after = await p().user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(reset.password, after.passwordHash)).toBe(true);
    expect(await verifyPassword(created.password, after.passwordHash)).toBe(false);
    expect(await p().auditLog.count({ where: { entityId: created.id } })).toBe(2);
  });

  it("never demotes or deactivates the last active admin", async () => {
    await expect(changeRole(admin, { id: admin.id, role: "MANAGER" })).rejects.toMatchObject({ code: "CONFLICT", fields: { role: expect.any(String) } });
    await expect(setUserActive(admin, { id: admin.id, active: false })).rejects.toMatchObject({ code: "VALIDATION" });
    await changeRole(admin, { id: manager.id, role: "ADMIN" });
    const managerAsAdmin = { ...manager, role: "ADMIN" as const };
    // Now two admins: one may go, but not both.
    await setUserActive(managerAsAdmin, { id: admin.id, active: false });
    await expect(changeRole(managerAsAdmin, { id: manager.id, role: "SALES" })).rejects.toMatchObject({ code: "CONFLICT" });
    await setUserActive(managerAsAdmin, { id: admin.id, active: true });
    await changeRole(admin, { id: manager.id, role: "MANAGER" });
    expect((await p().user.findMany({ where: { role: "ADMIN", active: true } })).map((u) => u.email)).toEqual(["admin@example.com"]);
  });

  it("two admins demoting each other at once leave one admin", async () => {
    await changeRole(admin, { id: manager.id, role: "ADMIN" });
    const results = await Promise.allSettled([
      changeRole(admin, { id: manager.id, role: "MANAGER" }),
      changeRole({ ...manager, role: "ADMIN" }, { id: admin.id, role: "MANAGER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await p().user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
    const remaining = await p().user.findFirstOrThrow({ where: { role: "ADMIN" } });
    if (remaining.id !== admin.id) await changeRole({ ...manager, role: "ADMIN" }, { id: admin.id, role: "ADMIN" });
    await changeRole(admin, { id: manager.id, role: "MANAGER" }).catch(() => {});
  });

  it("locks a deactivated user out at once and keeps their opportunities' owner", async () => {
    const owned = await p().opportunity.count({ where: { ownerId: bob.id } });
    expect(await loadActiveActor(bob.id)).not.toBeNull();
    await setUserActive(admin, { id: bob.id, active: false });
    // Sessions (lib/server/auth/session.ts) and API keys re-load the user through loadActiveActor.
    expect(await loadActiveActor(bob.id)).toBeNull();
    expect(await p().opportunity.count({ where: { ownerId: bob.id } })).toBe(owned);
    const listed = (await listUserSettings(admin)).find((u) => u.id === bob.id)!;
    expect(listed).toMatchObject({ active: false, allOpportunities: owned });

    const openOwned = await p().opportunity.findMany({ where: { ownerId: bob.id, status: "OPEN" } });
    await expect(reassignOpportunities(admin, reassignSchema.parse({ fromUserId: alice.id, toUserId: bob.id }))).rejects.toMatchObject({ fields: { toUserId: expect.any(String) } });
    const { moved } = await reassignOpportunities(admin, reassignSchema.parse({ fromUserId: bob.id, toUserId: alice.id }));
    expect(moved).toBe(openOwned.length);
    expect(await p().opportunity.count({ where: { ownerId: bob.id, status: "OPEN" } })).toBe(0);
    expect(await p().opportunity.count({ where: { ownerId: bob.id } })).toBe(owned - openOwned.length);
    const change = await p().opportunityFieldChange.findFirstOrThrow({ where: { opportunityId: openOwned[0].id, field: "ownerId" } });
    expect(change).toMatchObject({ oldValue: bob.id, newValue: alice.id, changedById: admin.id });
    const reassigned = await p().opportunity.findUniqueOrThrow({ where: { id: openOwned[0].id } });
    expect(reassigned.version).toBe(openOwned[0].version + 1);

    await setUserActive(admin, { id: bob.id, active: true });
    expect(await loadActiveActor(bob.id)).not.toBeNull();
  });

  it("refuses every user action to SALES and MANAGER users", async () => {
    for (const who of [alice, manager]) {
      const calls = [
        () => listUserSettings(who),
        () => createUser(who, userCreateSchema.parse({ email: "x@example.com", name: "X", role: "ADMIN" })),
        () => changeRole(who, { id: who.id, role: "ADMIN" }),
        () => setUserActive(who, { id: bob.id, active: false }),
        () => resetPassword(who, { id: admin.id }),
        () => reassignOpportunities(who, reassignSchema.parse({ fromUserId: bob.id, toUserId: who.id })),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await p().user.findUniqueOrThrow({ where: { id: alice.id } })).role).toBe("SALES");
    expect(await p().user.count({ where: { email: "x@example.com" } })).toBe(0);
  });
});
