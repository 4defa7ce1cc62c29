import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "@/lib/db/backup";
import { openDatabase, type Database, type DatabaseTarget } from "@/lib/db/database";
import { migrate } from "@/lib/db/migrate";
import { seedDemoData } from "@/lib/db/seed";
import { availableKinds, createMigratedDatabase, type TestDatabase } from "../support/test-database";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "crm-backup-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function fingerprint(db: Database) {
  const [opps, lines, changes] = await Promise.all([
    db.prisma.opportunity.aggregate({ _count: true, _sum: { amount: true, baseAmount: true } }),
    db.prisma.lineItem.count(),
    db.prisma.stageChange.count(),
  ]);
  return { count: opps._count, amount: opps._sum.amount?.toString(), base: opps._sum.baseAmount?.toString(), lines, changes };
}

describe.each(availableKinds())("backup and restore on %s", (kind) => {
  let t: TestDatabase | undefined;
  afterAll(() => t?.drop());

  it("round-trips the demo data exactly, and a bad file leaves the data untouched", { timeout: 180_000 }, async () => {
    let target: DatabaseTarget;
    let db: Database;
    if (kind === "pglite") {
      target = { kind: "pglite", dir: path.join(tmp, "data") };
      db = openDatabase(target);
      await db.withSession((sql) => migrate(sql));
    } else {
      t = await createMigratedDatabase("postgres");
      db = t.db;
      target = db.target;
    }
    await seedDemoData(db.prisma);
    const before = await fingerprint(db);
    expect(before.count).toBe(150);
    if (kind === "pglite") await db.close();

    const file = path.join(tmp, `backup-${kind}`);
    await backupDatabase(target, file);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    // Lose data, then restore it.
    if (kind === "pglite") db = openDatabase(target);
    await db.prisma.opportunity.deleteMany({});
    expect((await fingerprint(db)).count).toBe(0);
    if (kind === "pglite") await db.close();
    await restoreDatabase(target, file);
    if (kind === "pglite") db = openDatabase(target);
    expect(await fingerprint(db)).toEqual(before);

    fs.writeFileSync(path.join(tmp, "garbage"), "not a backup");
    if (kind === "pglite") await db.close();
    await expect(restoreDatabase(target, path.join(tmp, "garbage"))).rejects.toThrow();
    if (kind === "pglite") db = openDatabase(target);
    expect(await fingerprint(db)).toEqual(before);
    if (kind === "pglite") await db.close();
  });
});
