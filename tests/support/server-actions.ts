// Server actions as the browser calls them: a POST to a page that renders the
// action, with its id in the Next-Action header and the arguments encoded as
// React's reply format. The ids come from the production build's manifest
// (.next/server/server-reference-manifest.json), which lists every action the
// server will run, inline ones included; the source scan below lists the
// exports of "use server" modules, so an action no page uses yet is known too.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const MANIFEST = path.join(ROOT, ".next", "server", "server-reference-manifest.json");

export interface ServerActionRef {
  /** "lib/actions/board.ts#moveCardAction": the key of the access-control table. */
  key: string;
  id: string;
  /** A page URL that serves the action (dynamic segments filled with "x"). */
  page: string;
}

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

function pageUrl(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter(Boolean);
  return "/" + segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "x" : s)).join("/");
}

/** Every server action of the current production build (startAppServer builds it first). */
export function builtServerActions(): ServerActionRef[] {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as { node: Record<string, ManifestEntry> };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      if (!entry.filename || !entry.exportedName) throw new Error(`The action manifest no longer names files and exports (action ${id}); update tests/support/server-actions.ts`);
      const workers = Object.keys(entry.workers).sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")) || a.length - b.length);
      return { key: `${entry.filename}#${entry.exportedName}`, id, page: pageUrl(workers[0]) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

const MODULE_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;

/**
 * Action keys read from the source: each export of a module that starts with
 * "use server", and each inline "use server" function (numbered as Next.js
 * numbers them, $$RSC_SERVER_ACTION_0, 1, ... per file).
 */
export function sourceServerActions(): string[] {
  const keys: string[] = [];
  for (const file of ["app", "components", "lib"].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const source = fs.readFileSync(file, "utf8");
    if (!source.includes("use server")) continue;
    const rel = path.relative(ROOT, file).split(path.sep).join("/");
    if (MODULE_DIRECTIVE.test(source)) {
      for (const m of source.matchAll(/export\s+(?:async\s+function|function|const|let)\s+([A-Za-z_$][\w$]*)/g)) keys.push(`${rel}#${m[1]}`);
      continue;
    }
    const inline = [...source.matchAll(/["']use server["'];?/g)].length;
    for (let i = 0; i < inline; i++) keys.push(`${rel}#$$RSC_SERVER_ACTION_${i}`);
  }
  return keys.sort();
}

/** React's reply format escapes strings that start with "$" by doubling it. */
function encodeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? "$" + value : value;
  if (Array.isArray(value)) return value.map(encodeReply);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) Object.defineProperty(out, k, { value: encodeReply(v), enumerable: true, configurable: true, writable: true });
    return out;
  }
  return value;
}

/** A flight value with its references to other rows ("$2", "$@2") resolved and "$$" escapes undone. */
function decodeFlight(value: unknown, rows: Map<string, string>, depth = 0): unknown {
  if (depth > 50) throw new Error("The action result refers to itself too deeply");
  if (typeof value === "string") {
    if (value.startsWith("$$")) return value.slice(1);
    if (value === "$undefined") return undefined;
    const ref = /^\$@?([0-9a-f]+)$/.exec(value);
    if (ref && rows.has(ref[1])) return decodeFlight(JSON.parse(rows.get(ref[1])!), rows, depth + 1);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => decodeFlight(v, rows, depth + 1));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeFlight(v, rows, depth + 1)]));
  return value;
}

/** The action's return value from a flight response ("0:{"a":"$@1",...}\n1:<value>"). */
export function actionResultOf(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get("0");
  if (head === undefined) throw new Error(`Not a server action response: ${flight.slice(0, 300)}`);
  const a = (JSON.parse(head) as { a?: unknown }).a;
  if (typeof a === "string" && /^\$@[0-9a-f]+$/.test(a) && !rows.has(a.slice(2))) throw new Error(`The action result row ${a} is missing: ${flight.slice(0, 300)}`);
  return decodeFlight(a, rows);
}

export interface ActionCall {
  status: number;
  /** The action's return value when the server answered with one. */
  result?: { ok: boolean; data?: unknown; error?: { code: string; message: string; fields?: Record<string, string> } };
  text: string;
}

/** The action's id in the current build, from its "file#export" key. */
export function serverActionId(key: string): string {
  const found = builtServerActions().find((a) => a.key === key);
  if (!found) throw new Error(`${key} is not in the build manifest`);
  return found.id;
}

function postAction(baseUrl: string, page: string, id: string, body: string, headers: Record<string, string>, timeoutMs = 30_000): Promise<Response> {
  return fetch(baseUrl + page, {
    method: "POST",
    redirect: "manual",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: baseUrl, ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
}

/** The raw answer of an action called with `args`, for tests that look at the HTTP answer itself. */
export function callServerAction(baseUrl: string, page: string, key: string, args: unknown[], options: { cookie: string; headers?: Record<string, string> }): Promise<Response> {
  return postAction(baseUrl, page, serverActionId(key), JSON.stringify(encodeReply(args)), { Cookie: options.cookie, ...options.headers });
}

/** Calls a server action over HTTP like the browser does; `rawBody` sends a body as is (hostile encodings). */
export async function callAction(
  baseUrl: string,
  action: ServerActionRef,
  input: unknown,
  options: { cookie?: string; rawBody?: string; timeoutMs?: number; origin?: string } = {},
): Promise<ActionCall> {
  const headers = { ...(options.cookie ? { Cookie: options.cookie } : {}), ...(options.origin ? { Origin: options.origin } : {}) };
  const response = await postAction(baseUrl, action.page, action.id, options.rawBody ?? JSON.stringify([encodeReply(input)]), headers, options.timeoutMs);
  const text = await response.text();
  const call: ActionCall = { status: response.status, text };
  if (response.status === 200 && (response.headers.get("content-type") ?? "").includes("text/x-component")) {
    call.result = actionResultOf(text) as ActionCall["result"];
  }
  return call;
}
