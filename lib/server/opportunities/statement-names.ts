// Names for the API reads' statements, so that PostgreSQL parses and plans
// each one once per connection instead of on every request (about half of the
// list statement's database CPU; BENCHMARKS.md, REST API). A name stands for
// one SQL text for the life of the process. The list's text varies with the
// filters and sort given, and each prepared statement holds about 0.3 MB of
// plan in every pooled connection that ran it, so the names are capped: past
// the cap, a new text runs unnamed (parsed and planned every time, as before).
const MAX_NAMED = 16;
const names = new Map<string, string>();

export function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `opportunity-read-${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}
