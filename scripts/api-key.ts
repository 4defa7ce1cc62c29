// npm run api-key -- --email <email> [--name <name>]
// Creates an API key for that user and prints only the key on standard output.
import { parseArgs } from "node:util";
import { closeDatabase, database } from "@/lib/db";
import { migrate } from "@/lib/db/migrate";
import { issueApiKey } from "@/lib/server/api-keys/manage";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email) {
  console.error("usage: npm run api-key -- --email <email> [--name <name>]");
  process.exit(2);
}
await database().withSession((sql) => migrate(sql));
const user = await database().prisma.user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
if (!user || !user.active) {
  console.error(user ? `User ${values.email} is deactivated.` : `No user with email ${values.email}.`);
  await closeDatabase();
  process.exit(1);
}
const { secret } = await issueApiKey(user.id, values.name?.trim() || `CLI key ${new Date().toISOString().slice(0, 10)}`);
process.stdout.write(secret + "\n");
await closeDatabase();
