// Readiness: the database answers and every migration in the build is applied.
import { database } from "@/lib/db";
import { readMigrations } from "@/lib/db/migrate";

export interface Readiness {
  ready: boolean;
  database: "up" | "down";
  migrations: "applied" | "pending" | "unknown";
  pending?: string[];
}

export async function checkReadiness(): Promise<Readiness> {
  try {
    const rows = await database().prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = readMigrations().map((m) => m.name).filter((name) => !applied.has(name));
    return pending.length ? { ready: false, database: "up", migrations: "pending", pending } : { ready: true, database: "up", migrations: "applied" };
  } catch {
    return { ready: false, database: "down", migrations: "unknown" };
  }
}
