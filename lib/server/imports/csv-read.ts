// Reading a stored CSV file row by row with papaparse's streaming parser:
// bytes are decoded chunk by chunk, rows come out one at a time with their
// row number (the header is row 1, as a spreadsheet shows it), and the whole
// file is never held in memory, neither as text nor as objects.
import { Readable } from "node:stream";
import Papa from "papaparse";
import type { Delimiter, Newline } from "@/lib/domain/import/dialect";
import { textDecoder, type Encoding } from "@/lib/domain/import/encoding";

export interface CsvDialect {
  encoding: Encoding;
  delimiter: Delimiter;
  /** Told, not guessed per chunk: papaparse's own guess looks at the first chunk only. */
  newline: Newline;
}

export interface CsvRow {
  /** 1 for the header, 2 for the first data row. */
  row: number;
  cells: string[];
}

async function* decoded(chunks: AsyncIterable<Uint8Array>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = textDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Every row, the header included; blank lines are skipped but counted. */
export async function* csvRows(chunks: AsyncIterable<Uint8Array>, dialect: CsvDialect): AsyncGenerator<CsvRow> {
  const parser = Readable.from(decoded(chunks, dialect.encoding)).pipe(Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: dialect.delimiter, newline: dialect.newline }));
  let row = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    row++;
    if (cells.length === 1 && cells[0] === "") continue;
    yield { row, cells };
  }
}

/** An in-memory buffer as chunks (tests, previews). */
export async function* chunksOf(bytes: Uint8Array, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
