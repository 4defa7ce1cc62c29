// Liveness and readiness. Liveness (/api/health) says the process answers and
// whether it reaches its database; readiness (/api/ready) says it can serve:
// the database answers and every migration in the build is applied.
import { database } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";
import { instanceName } from "./instance";

export interface Readiness {
  ready: boolean;
  /** Which app process answered (INSTANCE_NAME, else host:pid). */
  instance: string;
  database: "up" | "down";
  migrations: "applied" | "pending" | "unknown";
  pending?: string[];
}

export interface Health {
  /** "ok" while the process answers; "degraded" when it cannot reach its database. */
  status: "ok" | "degraded";
  database: "up" | "down";
}

/** A probe never waits longer than this, even on a database that accepts connections and then says nothing. */
export const PROBE_TIMEOUT_MS = 2000;

function withinProbeTime<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database probe timed out")), PROBE_TIMEOUT_MS);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkHealth(): Promise<Health> {
  try {
    await withinProbeTime(database().prisma.$queryRaw`SELECT 1`);
    return { status: "ok", database: "up" };
  } catch {
    return { status: "degraded", database: "down" };
  }
}

export async function checkReadiness(): Promise<Readiness> {
  try {
    const rows = await withinProbeTime(
      database().prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = readMigrations().map((m) => m.name).filter((name) => !applied.has(name));
    const instance = instanceName();
    return pending.length ? { ready: false, instance, database: "up", migrations: "pending", pending } : { ready: true, instance, database: "up", migrations: "applied" };
  } catch {
    return { ready: false, instance: instanceName(), database: "down", migrations: "unknown" };
  }
}
