#!/usr/bin/env node
// npm run dev | build | start | db:generate. Plain Node so that it works right
// after `npm install` on a fresh machine with nothing else set up.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { nextStartArgs } from "./next-start-args.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const prismaBin = path.join(root, "node_modules", "prisma", "build", "index.js");
const generatedClient = path.join(root, "lib", "db", "generated", "client.ts");
const buildId = path.join(root, ".next", "BUILD_ID");

function run(args, env = {}) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw Object.assign(new Error(`${path.basename(args[0])} ${args[1] ?? ""} failed`), { exitCode: result.status ?? 1 });
}

function generate() {
  // The Rust-free client needs no engine binary, but the CLI insists on one
  // being present; pointing it at any existing file stops a download attempt.
  run([prismaBin, "generate"], { PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.join(root, "package.json") });
}

function newestMtime(entry) {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of fs.readdirSync(entry)) {
    if (child === "generated" || child === "node_modules") continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

const SOURCES = ["app", "components", "lib", "public", "prisma/schema.prisma", "instrumentation.ts", "proxy.ts", "next.config.js", "package.json", "postcss.config.mjs"];

function buildIsCurrent() {
  if (!fs.existsSync(buildId)) return false;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}

function build() {
  generate();
  run([nextBin, "build"], { NODE_ENV: "production" });
}

/** Builds unless current; concurrent callers (parallel test files) wait for one build. */
function ensureBuild() {
  const lock = path.join(root, ".build.lock");
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} is held for too long; remove it if no build is running`);
      spawnSync("sleep", ["1"]);
    }
  }
  try {
    if (!buildIsCurrent()) build();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

function serve(mode) {
  const port = process.env.PORT ?? "3000";
  const args = mode === "dev" ? [nextBin, "dev", "-p", port] : [nextBin, ...nextStartArgs(port)];
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: mode === "dev" ? "development" : "production" },
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

const command = process.argv[2];
try {
  switch (command) {
    case "generate":
      generate();
      break;
    case "ensure-build":
      ensureBuild();
      break;
    case "ensure-client":
      if (!fs.existsSync(generatedClient)) generate();
      break;
    case "build":
      build();
      break;
    case "start":
      if (!buildIsCurrent()) {
        console.log("Building the app (first start or sources changed)…");
        build();
      }
      serve("start");
      break;
    case "dev":
      if (!fs.existsSync(generatedClient)) generate();
      serve("dev");
      break;
    default:
      console.error("usage: node scripts/run.mjs dev|build|start|generate|ensure-client|ensure-build");
      process.exit(2);
  }
} catch (error) {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
}
