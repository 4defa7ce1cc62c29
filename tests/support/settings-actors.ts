// Shared set-up for settings tests: a migrated database with the demo data,
// installed as the app's database, and demo users as service actors.
import { afterAll, beforeAll } from "vitest";
import { useDatabase, type AppPrismaClient } from "@/lib/db";
import { seedDemoData } from "@/lib/db/seed";
import type { Actor } from "@/lib/server/auth/actor";
import { createMigratedDatabase, type TestDatabase, type TestDatabaseKind } from "./test-database";

export async function actorByEmail(p: AppPrismaClient, email: string): Promise<Actor> {
  const u = await p.user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}

export interface DemoSettingsContext {
  prisma(): AppPrismaClient;
  actor(name: "admin" | "manager" | "alice" | "bob"): Actor;
}

/** Registers beforeAll/afterAll hooks for a seeded database of `kind`; call inside describe. */
export function withDemoDatabase(kind: TestDatabaseKind): DemoSettingsContext {
  let t: TestDatabase;
  const actors = new Map<string, Actor>();
  beforeAll(async () => {
    t = await createMigratedDatabase(kind);
    useDatabase(t.db);
    await seedDemoData(t.db.prisma);
    for (const name of ["admin", "manager", "alice", "bob"]) actors.set(name, await actorByEmail(t.db.prisma, `${name}@example.com`));
  });
  afterAll(async () => {
    useDatabase(undefined);
    await t?.drop();
  });
  return { prisma: () => t.db.prisma, actor: (name) => actors.get(name)! };
}
