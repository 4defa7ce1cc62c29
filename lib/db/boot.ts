// Brings the configured database up to date before the app serves: applies
// pending migrations and, on an empty database, loads the demo data.
import { shouldSeedDemo } from "../env";
import { logger } from "../log";
import type { Database } from "./database";
import { database } from "./index";
import { migrate } from "./migrate";
import { isDatabaseEmpty, seedDemoData } from "./seed";

export async function prepareDatabase(db: Database, options: { seed: boolean }): Promise<void> {
  const result = await db.withSession((sql) => migrate(sql));
  if (result.applied.length > 0) logger.info({ applied: result.applied }, "database migrated");
  if (options.seed && (await isDatabaseEmpty(db.prisma))) {
    const seeded = await seedDemoData(db.prisma);
    logger.info(seeded, "demo data loaded into the empty database");
  }
}

let booting: Promise<void> | undefined;

export function bootDatabase(): Promise<void> {
  booting ??= prepareDatabase(database(), { seed: shouldSeedDemo() });
  return booting;
}
