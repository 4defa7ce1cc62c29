// Every route handler of the app, read from the file system: app/**/route.ts
// and the HTTP methods each exports. The access-control table and the fuzz
// use it so that a new route file cannot go unnoticed.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type RouteMethod = (typeof METHODS)[number];

export interface RouteHandler {
  /** "GET /api/v1/opportunities/{id}": the key of the access-control table. */
  key: string;
  method: RouteMethod;
  /** URL path with {param} placeholders; route groups such as (app) removed. */
  path: string;
  file: string;
}

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The URL path of a route file: "app/(app)/opportunities/export/route.ts" -> "/opportunities/export". */
export function urlPathOf(file: string): string {
  const segments = path.relative(path.join(ROOT, "app"), path.dirname(file)).split(path.sep).filter(Boolean);
  const parts = segments
    .filter((s) => !/^\(.*\)$/.test(s) && !s.startsWith("@"))
    .map((s) => s.replace(/^\[\[?(?:\.\.\.)?([^\]]+)\]\]?$/, "{$1}"));
  return "/" + parts.join("/");
}

/** The HTTP methods a route module exports, read from its source (importing it would need the Next.js runtime). */
export function exportedMethods(source: string): RouteMethod[] {
  const found = new Set<RouteMethod>();
  const names = (list: string) => list.split(",").map((n) => n.trim().split(/\s+as\s+/).pop()!.trim());
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\b/g)) found.add(m[1] as RouteMethod);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s+([A-Z]+)\b/g)) found.add(m[1] as RouteMethod);
  for (const m of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}/g)) names(m[1]).forEach((n) => found.add(n as RouteMethod));
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) names(m[1]).forEach((n) => found.add(n as RouteMethod));
  return METHODS.filter((m) => found.has(m));
}

export function appRouteHandlers(): RouteHandler[] {
  return routeFiles(path.join(ROOT, "app"))
    .flatMap((file) => {
      const urlPath = urlPathOf(file);
      return exportedMethods(fs.readFileSync(file, "utf8")).map((method) => ({
        key: `${method} ${urlPath}`,
        method,
        path: urlPath,
        file: path.relative(ROOT, file),
      }));
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

function pageFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : pageFiles(full);
    return /^page\.(tsx|ts|jsx|js)$/.test(entry.name) ? [full] : [];
  });
}

/** Every page of the app (app/**\/page.tsx) as its URL path with {param} placeholders: the rows the axe and phone-width checks must have. */
export function appPages(): string[] {
  return pageFiles(path.join(ROOT, "app"))
    .map(urlPathOf)
    .sort();
}
