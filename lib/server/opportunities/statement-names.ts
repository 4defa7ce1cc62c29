// Names for the API reads' statements, so that PostgreSQL parses and plans
// each one once per connection instead of on every request (about half of the
// list statement's database CPU; BENCHMARKS.md, REST API).
// - A name is a hash of its SQL text: node-postgres refuses a name that a
//   connection already prepared for another text, and Next.js bundles this
//   module once per route and per action bundle, so names handed out by a
//   counter would collide between bundles sharing the pool.
// - The list's text varies with the filters and sort given, and a prepared
//   statement holds about 0.3 MB of plan in every pooled connection that ran
//   it, so the names are capped per process (the registry lives on globalThis,
//   shared by every bundle): past the cap a new text runs unnamed, parsed and
//   planned every time, as before.
import { createHash } from "node:crypto";

const MAX_NAMED = 16;
const registry = globalThis as unknown as { __opportunityReadStatements?: Map<string, string> };

export function statementName(text: string): string | undefined {
  const names = (registry.__opportunityReadStatements ??= new Map());
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `opportunity-read-${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}
