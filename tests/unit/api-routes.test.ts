// Every endpoint contract (the OpenAPI document is generated from them) is
// served by a route file exporting its method, and every handler a route file
// exports under /api/v1 has a contract: the two cannot drift apart.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_ENDPOINTS } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "app", "api", "v1");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? routeFiles(path.join(dir, e.name)) : e.name === "route.ts" ? [path.join(dir, e.name)] : [],
  );
}

const exported = (file: string) => [...fs.readFileSync(file, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE) = apiRoute\(/gm)].map((m) => m[1]);
const toFile = (apiPath: string) => path.join(ROOT, apiPath.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
/** The catch-all answering paths no endpoint serves (lib/api/unknown-path.ts): the one route file without contracts. */
const CATCH_ALL = path.join(ROOT, "[...path]", "route.ts");

describe("API route files", () => {
  it("serve every endpoint contract with its method through apiRoute", () => {
    for (const ep of ALL_ENDPOINTS) {
      const file = toFile(ep.path);
      expect(fs.existsSync(file), `${ep.method} ${ep.path}: ${path.relative(ROOT, file)} is missing`).toBe(true);
      expect(exported(file), `${ep.method} ${ep.path}`).toContain(ep.method.toUpperCase());
    }
  });

  it("export no handler without a contract", () => {
    const contracts = new Set(ALL_ENDPOINTS.map((ep) => `${ep.method.toUpperCase()} ${toFile(ep.path)}`));
    const files = routeFiles(ROOT).filter((file) => file !== CATCH_ALL);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = fs.readFileSync(file, "utf8");
      const handlers = [...text.matchAll(/^export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/gm)].map((m) => m[1]);
      for (const method of handlers) expect(contracts.has(`${method} ${file}`), `${method} ${path.relative(ROOT, file)} has no endpoint contract`).toBe(true);
    }
  });

  it("answer every other path through the catch-all, for every method", () => {
    const text = fs.readFileSync(CATCH_ALL, "utf8");
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) expect(text, method).toMatch(new RegExp(`^export const ${method} = unknownApiPath;$`, "m"));
  });
});

describe("the OpenAPI document", () => {
  it("documents Idempotency-Key on every POST (moves and reorders too) and If-Match on every PATCH and DELETE that checks it", () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
    for (const ep of ALL_ENDPOINTS) {
      const headers = doc.paths[ep.path][ep.method].parameters.filter((p) => p.in === "header").map((p) => p.name);
      if (ep.method === "post") expect(headers, `${ep.method} ${ep.path}`).toContain("Idempotency-Key");
      else expect(headers, `${ep.method} ${ep.path}`).not.toContain("Idempotency-Key");
      if ((ep.method === "patch" || ep.method === "delete") && ep.ifMatch !== false) expect(headers, `${ep.method} ${ep.path}`).toContain("If-Match");
    }
  });
});
