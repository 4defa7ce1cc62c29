// Calls a server action over HTTP the way the browser does: a POST to a page
// with the action's id in Next-Action and the arguments as JSON. The id comes
// from the build's server-reference manifest, as the server itself reads it.
import fs from "node:fs";
import path from "node:path";

const MANIFEST = path.resolve(import.meta.dirname, "..", "..", ".next", "server", "server-reference-manifest.json");

/** `name` is "<file>#<export>", e.g. "app/(app)/settings/api-keys/actions.ts#createApiKeyAction". */
export function serverActionId(name: string): string {
  const manifest = JSON.parse(fs.readFileSync(MANIFEST, "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, e]) => `${e.filename}#${e.exportedName}` === name);
  if (!found) throw new Error(`${name} is not in the build manifest`);
  return found[0];
}

export function callServerAction(
  baseUrl: string,
  page: string,
  name: string,
  args: unknown[],
  options: { cookie: string; headers?: Record<string, string> },
): Promise<Response> {
  return fetch(baseUrl + page, {
    method: "POST",
    headers: {
      "Next-Action": serverActionId(name),
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: baseUrl,
      Cookie: options.cookie,
      ...options.headers,
    },
    body: JSON.stringify(args),
  });
}
