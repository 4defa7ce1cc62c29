// A CSV download that streams: the header, then page after page of rows read
// with a keyset (the last row's key), so memory stays constant whatever the
// size of the export; every cell goes through the CSV-injection guard.
import Papa from "papaparse";
import { safeCell } from "../opportunities/list/export";

export function csvStream<R extends { key: string }>(header: string[], page: (after: string | null) => Promise<R[]>, cells: (row: R) => string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([header])}\r\n`));
        return;
      }
      const rows = await page(after);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      after = rows[rows.length - 1].key;
      controller.enqueue(encoder.encode(`${Papa.unparse(rows.map((r) => cells(r).map(safeCell)))}\r\n`));
    },
  });
}

export function csvDownload(name: string, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"` },
  });
}
