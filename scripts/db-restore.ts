// npm run db:restore -- <file>: replaces the configured database's data with a backup.
import { targetFromEnv } from "@/lib/db";
import { restoreDatabase } from "@/lib/db/backup";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- <file>");
  process.exit(2);
}
await restoreDatabase(targetFromEnv(), file);
console.log(`Restored from ${file}. Start the app to apply any newer migrations.`);
