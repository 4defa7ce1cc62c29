// npm run db:seed: migrates, then adds the demo data that is missing (idempotent).
import { closeDatabase, database } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";

await database().withSession((sql) => migrate(sql));
const result = await seedDemoData(database().prisma);
console.log(result.opportunities ? `Demo data loaded (${result.opportunities} opportunities).` : "Demo data already present; nothing added.");
await closeDatabase();
