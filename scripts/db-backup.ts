// npm run db:backup [-- <file>]: writes a backup of the configured database.
import { targetFromEnv } from "@/lib/db";
import { backupDatabase } from "@/lib/db/backup";

const target = targetFromEnv();
const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const file = process.argv[2] ?? `backups/pipeline-crm-${stamp}.${target.kind === "postgres" ? "dump" : "tar.gz"}`;
await backupDatabase(target, file);
console.log(`Backup written to ${file}`);
