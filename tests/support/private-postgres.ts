// A PostgreSQL server of the test's own, in a temporary directory on a free
// port, so that a fault test can stop, freeze and restart it without touching
// the machine's shared server. Needs the PostgreSQL server binaries (initdb,
// pg_ctl); as root, they run as the `postgres` user (initdb refuses root).
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface PrivatePostgres {
  url: string;
  port: number;
  /** Stops the server: "fast" ends sessions cleanly, "immediate" is a crash (recovery from WAL on start). */
  stop(mode: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Sends a signal to every server process (SIGSTOP freezes it: connections hang instead of failing). */
  signalAll(signal: "SIGSTOP" | "SIGCONT"): void;
  destroy(): void;
}

function serverBinDir(): string | null {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) return fs.existsSync(path.join(fromEnv, "pg_ctl")) ? fromEnv : null;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const bin = path.join(root, v, "bin");
    if (fs.existsSync(path.join(bin, "initdb")) && fs.existsSync(path.join(bin, "pg_ctl"))) return bin;
  }
  return null;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function hasPostgresUser(): boolean {
  return spawnSync("id", ["-u", "postgres"], { stdio: "ignore" }).status === 0;
}

/** Why a private server cannot be started here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!serverBinDir()) return "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/*/bin or PG_BIN_DIR";
  if (isRoot() && !hasPostgresUser()) return "running as root and there is no `postgres` user to run initdb as";
  if (isRoot() && spawnSync("runuser", ["--help"], { stdio: "ignore" }).status !== 0) return "running as root without runuser";
  return null;
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

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = serverBinDir();
  const unavailable = privatePostgresUnavailable();
  if (!bin || unavailable) throw new Error(unavailable ?? "no PostgreSQL binaries");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "crm-private-pg-"));
  const dataDir = path.join(dir, "data");
  const port = await freePort();
  const asServerUser = (file: string, args: string[]) => {
    const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", path.join(bin, file), ...args]] : [path.join(bin, file), args];
    return execFileSync(cmd, argv, { stdio: "pipe", timeout: 60_000 }).toString();
  };
  // Stopping and starting while the app is under load wait for pg_ctl without blocking this
  // process: a synchronous wait would hold the answers already received and count it in their times.
  const asServerUserAsync = async (file: string, args: string[]) => {
    const [cmd, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", path.join(bin, file), ...args]] : [path.join(bin, file), args];
    await promisify(execFile)(cmd, argv, { timeout: 60_000 });
  };
  if (isRoot()) execFileSync("chown", ["postgres", dir]);
  // --no-sync: the data is thrown away after the test; crash safety against a
  // killed server process (what the test does) does not depend on fsync.
  asServerUser("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  const startArgs = ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"];
  asServerUser("pg_ctl", startArgs);
  const pids = () => {
    const postmaster = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = spawnSync("pgrep", ["-P", String(postmaster)]).stdout?.toString().split(/\s+/).filter(Boolean).map(Number) ?? [];
    return [postmaster, ...children];
  };
  const signalAll = (signal: NodeJS.Signals) => {
    for (const pid of pids()) {
      try {
        process.kill(pid, signal);
      } catch {
        /* the process ended meanwhile */
      }
    }
  };
  const destroy = () => {
    process.off("exit", destroy);
    try {
      if (fs.existsSync(path.join(dataDir, "postmaster.pid"))) {
        signalAll("SIGCONT");
        asServerUser("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test process that ends without its afterAll (a crash, a timeout) must not leave a server running.
  process.on("exit", destroy);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    stop: (mode) => asServerUserAsync("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]),
    start: () => asServerUserAsync("pg_ctl", startArgs),
    signalAll,
    destroy,
  };
}
