#!/usr/bin/env node
// Completes package-lock.json with every platform's optional packages.
//
// Why: npm 11 on some machines writes a lock that holds only the optional
// packages of its own platform (@next/swc-linux-x64-gnu but not -darwin-arm64),
// and `npm ci` on any other machine then refuses that lock as out of sync. Run
// this after every `npm install` that changes the lock:
//   node scripts/lock-complete.mjs
// It writes, for each missing optional package, the entry npm itself writes
// (integrity, os, cpu, engines; bundled dependencies as `inBundle` entries read
// from the package's tarball). Existing entries are never changed.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const npmRoot = execFileSync("npm", ["root", "-g"], { encoding: "utf8" }).trim();
// npm's own semver: present wherever npm is, whatever this project installed.
const semver = createRequire(path.join(npmRoot, "npm", "package.json"))("semver");
const lockPath = path.join(root, "package-lock.json");
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const packages = lock.packages;

function view(spec) {
  const fields = ["version", "dist", "os", "cpu", "libc", "engines", "license", "dependencies", "bundledDependencies"];
  const out = JSON.parse(execFileSync("npm", ["view", spec, "--json", ...fields], { encoding: "utf8" }));
  return Array.isArray(out) ? out[out.length - 1] : out;
}

/** The entry npm would use for `name` from the package at `from`, if it satisfies `range`. */
function resolve(from, name, range) {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return semver.satisfies(packages[candidate].version, range, { includePrerelease: true }) ? candidate : null;
    if (!dir) return null;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut === -1 ? "" : dir.slice(0, cut);
  }
}

function entryFor(meta, extra = {}) {
  const entry = { version: meta.version };
  if (extra.inBundle) entry.inBundle = true;
  if (meta.dist?.integrity) entry.integrity = meta.dist.integrity;
  const bundled = meta.bundledDependencies ?? meta.bundleDependencies;
  if (bundled?.length) entry.bundleDependencies = bundled;
  if (meta.cpu) entry.cpu = [].concat(meta.cpu);
  if (meta.dependencies && Object.keys(meta.dependencies).length) entry.dependencies = meta.dependencies;
  if (meta.engines) entry.engines = meta.engines;
  if (meta.libc) entry.libc = [].concat(meta.libc);
  if (meta.license) entry.license = meta.license;
  entry.optional = true;
  if (meta.os) entry.os = [].concat(meta.os);
  return entry;
}

/** Bundled dependencies are inside the tarball: read their package.json files. */
function addBundle(at, meta) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lock-bundle-"));
  try {
    const packed = JSON.parse(execFileSync("npm", ["pack", `${meta.name ?? at.split("node_modules/").pop()}@${meta.version}`, "--json", "--pack-destination", dir], { encoding: "utf8" }));
    execFileSync("tar", ["-xzf", path.join(dir, packed[0].filename), "-C", dir]);
    const modules = path.join(dir, "package", "node_modules");
    const walk = (base, prefix) => {
      if (!fs.existsSync(base)) return;
      for (const name of fs.readdirSync(base)) {
        if (name.startsWith(".")) continue;
        if (name.startsWith("@")) {
          for (const sub of fs.readdirSync(path.join(base, name))) visit(path.join(base, name, sub), `${prefix}/node_modules/${name}/${sub}`);
        } else visit(path.join(base, name), `${prefix}/node_modules/${name}`);
      }
    };
    const visit = (pkgDir, key) => {
      const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, "package.json"), "utf8"));
      packages[key] = entryFor(pkg, { inBundle: true });
      console.log(`added ${key}@${pkg.version} (bundled)`);
      walk(path.join(pkgDir, "node_modules"), key);
    };
    walk(modules, at);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

let added = 0;
const queue = Object.keys(packages).map((at) => [at, false]);
while (queue.length) {
  const [at, isNew] = queue.shift();
  const pkg = packages[at];
  if (pkg.inBundle) continue;
  const bundled = new Set(pkg.bundleDependencies ?? []);
  // Existing entries: only their optional edges can be missing. New ones: every edge.
  const wanted = { ...(isNew ? (pkg.dependencies ?? {}) : {}), ...(pkg.optionalDependencies ?? {}) };
  for (const [name, range] of Object.entries(wanted)) {
    if (bundled.has(name) || resolve(at, name, range)) continue;
    const meta = view(`${name}@${range}`);
    const top = `node_modules/${name}`;
    const target = packages[top] ? `${at}/node_modules/${name}` : top;
    packages[target] = entryFor(meta);
    added += 1;
    console.log(`added ${target}@${meta.version}`);
    if (packages[target].bundleDependencies) addBundle(target, { ...meta, name });
    queue.push([target, true]);
  }
}

// npm's own order: keys compared as it compares them (locale-aware, "en").
const order = ([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en"));
lock.packages = Object.fromEntries(Object.entries(packages).sort(order));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `${added} packages added` : "the lock was complete");
