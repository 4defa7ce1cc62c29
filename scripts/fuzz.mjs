#!/usr/bin/env node
// npm run fuzz [-- --runs 20000 --seed 12345]: the long run of the hostile-input
// fuzz (tests/reliability/hostile-input.test.ts; `npm test` runs a bounded one).
// It prints the seed first; the same seed replays the same calls. With
// TEST_DATABASE_URL set it runs on PostgreSQL as well as on PGlite.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = option("runs") ?? process.env.FUZZ_RUNS ?? "20000";
const seed = option("seed") ?? process.env.FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
if (!/^\d+$/.test(runs) || !/^\d+$/.test(seed)) {
  console.error("usage: npm run fuzz -- [--runs N] [--seed S]");
  process.exit(2);
}
console.log(`Fuzzing with seed ${seed}, ${runs} calls per database (replay: npm run fuzz -- --seed ${seed} --runs ${runs})`);
const result = spawnSync(process.execPath, [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "tests/reliability/hostile-input.test.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
process.exit(result.status ?? 1);
