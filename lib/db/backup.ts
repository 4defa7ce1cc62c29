// Backups of either database: PGlite's own data-folder dump (a .tar.gz) for
// the embedded default, pg_dump's custom format for PostgreSQL.
import { PGlite } from "@electric-sql/pglite";
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { lockDataDir } from "./data-dir-lock";
import { PGLITE_OPTIONS, type DatabaseTarget } from "./database";

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", (error) =>
      reject((error as NodeJS.ErrnoException).code === "ENOENT" ? new Error(`${command} is not installed (PostgreSQL client tools are needed)`) : error),
    );
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} failed (${code}): ${stderr.trim()}`))));
  });
}

export async function backupDatabase(target: DatabaseTarget, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (target.kind === "postgres") {
    await run("pg_dump", ["--format=custom", "--no-owner", "--file", file, target.url]);
    return;
  }
  if (!target.dir) throw new Error("An in-memory database cannot be backed up");
  const release = lockDataDir(target.dir);
  try {
    const db = new PGlite(path.join(target.dir, "pglite"), PGLITE_OPTIONS);
    await db.waitReady; // dumpDataDir does not wait for start-up by itself
    const dump = await db.dumpDataDir("gzip");
    await db.close();
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    release();
  }
}

export async function restoreDatabase(target: DatabaseTarget, file: string): Promise<void> {
  if (!fs.existsSync(file)) throw new Error(`No backup file at ${file}`);
  if (target.kind === "postgres") {
    await run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--dbname", target.url, file]);
    return;
  }
  if (!target.dir) throw new Error("An in-memory database cannot be restored into");
  const release = lockDataDir(target.dir);
  try {
    // Load into a new folder first, so that a broken file leaves the current data untouched.
    const next = path.join(target.dir, "pglite.restoring");
    fs.rmSync(next, { recursive: true, force: true });
    const db = new PGlite(next, { ...PGLITE_OPTIONS, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await db.query("SELECT 1");
    await db.close();
    const current = path.join(target.dir, "pglite");
    const old = path.join(target.dir, "pglite.before-restore");
    fs.rmSync(old, { recursive: true, force: true });
    if (fs.existsSync(current)) fs.renameSync(current, old);
    fs.renameSync(next, current);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    release();
  }
}
