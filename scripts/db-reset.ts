// npm run db:reset [-- --yes]: wipes the configured database, migrates and loads the demo data.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline/promises";
import { closeDatabase, database, targetFromEnv } from "@/lib/db";
import { lockDataDir } from "@/lib/db/data-dir-lock";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";

const target = targetFromEnv();
const where = target.kind === "postgres" ? new URL(target.url).pathname.slice(1) + " on " + new URL(target.url).host : target.dir;

if (!process.argv.includes("--yes")) {
  if (!process.stdin.isTTY) {
    console.error(`Refusing to wipe ${where} without confirmation. Run: npm run db:reset -- --yes`);
    process.exit(1);
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`This deletes ALL data in ${where}. Type "reset" to continue: `);
  rl.close();
  if (answer.trim() !== "reset") {
    console.log("Nothing changed.");
    process.exit(1);
  }
}

if (target.kind === "pglite" && target.dir) {
  const release = lockDataDir(target.dir); // refuses while the app server owns the folder
  fs.rmSync(path.join(target.dir, "pglite"), { recursive: true, force: true });
  release();
} else {
  await database().withSession((sql) => sql.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
}

await database().withSession((sql) => migrate(sql));
const result = await seedDemoData(database().prisma);
console.log(`Database reset: migrated and loaded ${result.opportunities} demo opportunities.`);
await closeDatabase();
