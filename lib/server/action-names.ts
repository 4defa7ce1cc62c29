// Server actions reach the server as a POST with an opaque `Next-Action` id;
// Next.js's own build manifest maps each id to its file and export, which
// makes the logs say "lib/actions/board.ts#moveCardAction" instead.
// Read once per process; an id it does not know is logged as it is.
import fs from "node:fs";
import path from "node:path";

let names: Map<string, string> | undefined;

function load(): Map<string, string> {
  const map = new Map<string, string>();
  try {
    const file = path.join(process.cwd(), ".next", "server", "server-reference-manifest.json");
    const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node?: Record<string, { filename?: string; exportedName?: string }> };
    for (const [id, entry] of Object.entries(manifest.node ?? {})) {
      if (entry.filename && entry.exportedName) map.set(id, `${entry.filename}#${entry.exportedName}`);
    }
  } catch {
    /* no build manifest (development or tests): ids stay as they are */
  }
  return map;
}

export function actionName(id: string | null): string | undefined {
  if (!id) return undefined;
  names ??= load();
  return names.get(id) ?? id;
}
