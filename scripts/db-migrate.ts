// npm run db:migrate: applies pending migrations to the configured database.
import { closeDatabase, database } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";

const result = await database().withSession((sql) => migrate(sql));
console.log(
  result.applied.length ? `Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}` : "Database is up to date.",
  `(${result.alreadyApplied} already applied)`,
);
await closeDatabase();
