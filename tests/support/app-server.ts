// Starts the production build of the app on a fresh database, for contract
// tests that must go through HTTP exactly as clients do.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestDatabaseKind } from "./test-database";
import { nextStartArgs } from "../../scripts/next-start-args.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface AppServer {
  url: string;
  kind: TestDatabaseKind;
  dataDir: string;
  /** Sends a signal and waits for the process to end (the data stays). */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  /** Only for PostgreSQL: the database URL, for checks behind the app's back. */
  databaseUrl?: string;
  /** Everything the server printed so far (its JSON log lines among it). */
  output(): string;
  /** The server process's id (for reading its memory from /proc). */
  pid: number;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Builds once per machine state: `next start` needs a current production build. */
function ensureBuild() {
  const result = spawnSync(process.execPath, ["scripts/run.mjs", "ensure-build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("The production build failed");
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app server exited early:\n${log()}`);
    try {
      if ((await fetch(`${url}/api/ready`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app server did not become ready:\n${log()}`);
}

export async function startAppServer(
  kind: TestDatabaseKind,
  extraEnv: Record<string, string> = {},
  reuse: { dataDir?: string; databaseUrl?: string } = {},
): Promise<AppServer> {
  ensureBuild();
  const port = await freePort();
  const dataDir = reuse.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "crm-app-"));
  let databaseUrl = reuse.databaseUrl;
  let dbName: string | undefined;
  if (kind === "postgres" && !databaseUrl) {
    dbName = `crm_app_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${dbName}"`);
    await admin.end();
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  let output = "";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", ...nextStartArgs(port, "127.0.0.1")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? "",
      SEED_DEMO: "true",
      AUTH_SECRET: "contract-tests-secret-contract-tests-secret",
      LOG_LEVEL: "warn",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(url, child, () => output);
  const exited = () => new Promise<number | null>((r) => (child.exitCode !== null || child.signalCode !== null ? r(child.exitCode) : child.once("exit", (code) => r(code))));
  return {
    url,
    kind,
    dataDir,
    databaseUrl,
    output: () => output,
    pid: child.pid!,
    async kill(signal) {
      child.kill(signal);
      return exited();
    },
    async stop() {
      child.kill("SIGTERM");
      await exited();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName) {
        const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
