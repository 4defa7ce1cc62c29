// Names for hot statements, so that PostgreSQL parses and plans each one once
// per pooled connection instead of on every request (planning was about half
// the database CPU of the API's reads and writes; BENCHMARKS.md, REST API).
// - A name is a hash of its SQL text: node-postgres refuses a name that a
//   connection already prepared for another text, and Next.js bundles a module
//   once per route and per action bundle, so names handed out by a counter
//   would collide between bundles sharing the pool.
// - Texts vary with the filters, sorts and fields of a call, and a prepared
//   statement holds its plan (up to about 0.3 MB for the list) in every pooled
//   connection that ran it, so each family of statements has a cap per process
//   (the registry lives on globalThis, shared by every bundle): past it a new
//   text runs unnamed, parsed and planned every time.
import { createHash } from "node:crypto";

/** Distinct texts named per family: the list's filter and sort combinations, a write's field sets, the auth and move statements. */
const CAPS = { "opportunity-read": 16, "opportunity-write": 32, move: 16, auth: 4, jobs: 16 } as const;
export type StatementFamily = keyof typeof CAPS;

const registry = globalThis as unknown as { __namedStatements?: Map<StatementFamily, Map<string, string>> };

export function statementName(text: string, family: StatementFamily = "opportunity-read"): string | undefined {
  const families = (registry.__namedStatements ??= new Map());
  let names = families.get(family);
  if (!names) families.set(family, (names = new Map()));
  let name = names.get(text);
  if (name === undefined && names.size < CAPS[family]) {
    name = `${family}-${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
