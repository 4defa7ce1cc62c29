// PostgreSQL text cannot hold the NUL character (U+0000): a value carrying one
// fails inside the database, in a stored field or merely in a search. Input is
// therefore checked for it where it enters (API routes, server actions, URLs)
// and refused with the field named, instead of failing as a server error.
import { fieldMap } from "./field-map";

export const NUL_MESSAGE = "Remove the NUL character (\\u0000): text cannot contain it";

/** A field name fit to echo back: its own NULs written out. */
const shown = (key: string) => key.replaceAll("\u0000", "\\u0000");

/**
 * The paths ("contacts.0.contactId", a key's own path for a bad key) of every
 * string in `value` holding a NUL, as a fields map; null when there is none.
 * Iterative, so a deeply nested body cannot overflow the stack, and each
 * object is visited once, so a cyclic one cannot loop.
 */
export function nulFields(value: unknown, prefix = ""): Record<string, string> | null {
  const fields = fieldMap();
  const stack: [unknown, string][] = [[value, prefix]];
  // A server action's arguments can refer to themselves (React's reply format has references).
  const seen = new WeakSet<object>();
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (v.includes("\u0000")) fields[path || "_root"] = NUL_MESSAGE;
    } else if (v && typeof v === "object" && !seen.has(v)) {
      seen.add(v);
      for (const [k, child] of Object.entries(v)) {
        const childPath = path ? `${path}.${shown(k)}` : shown(k);
        if (k.includes("\u0000")) fields[childPath] = NUL_MESSAGE;
        stack.push([child, childPath]);
      }
    }
  }
  return Object.keys(fields).length ? fields : null;
}

/** The query parameters (and "path") of a URL that carry a NUL, as a fields map; null when none does. */
export function urlNulFields(url: URL): Record<string, string> | null {
  const fields = fieldMap();
  if (/%00/.test(url.pathname) || url.pathname.includes("\u0000")) fields.path = NUL_MESSAGE;
  for (const [key, value] of url.searchParams) if (key.includes("\u0000") || value.includes("\u0000")) fields[shown(key)] = NUL_MESSAGE;
  return Object.keys(fields).length ? fields : null;
}
