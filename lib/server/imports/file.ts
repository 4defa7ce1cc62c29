// The uploaded file, kept in the database in pieces of at most 1 MB
// (ImportChunk) so that every app instance's job worker can read it, in
// order, one piece at a time: never the whole file in memory.
import { prisma } from "@/lib/db";

export const CHUNK_BYTES = 1024 * 1024;

/** Cuts a stream of any-sized pieces into pieces of CHUNK_BYTES (the last one shorter). */
export async function* rechunked(body: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let buffer = new Uint8Array(CHUNK_BYTES);
  let used = 0;
  for await (const piece of body) {
    let offset = 0;
    while (offset < piece.length) {
      const n = Math.min(CHUNK_BYTES - used, piece.length - offset);
      buffer.set(piece.subarray(offset, offset + n), used);
      used += n;
      offset += n;
      if (used === CHUNK_BYTES) {
        yield buffer;
        buffer = new Uint8Array(CHUNK_BYTES);
        used = 0;
      }
    }
  }
  if (used > 0) yield buffer.subarray(0, used);
}

export async function storeChunk(importId: string, seq: number, data: Uint8Array): Promise<void> {
  await prisma().importChunk.create({ data: { importId, seq, data: new Uint8Array(data) } });
}

/** The stored file, piece by piece. */
export async function* storedChunks(importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await prisma().importChunk.findUnique({ where: { importId_seq: { importId, seq } }, select: { data: true } });
    if (!chunk) return;
    yield chunk.data;
  }
}
