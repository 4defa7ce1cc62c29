// A position in the outbox: the writing transaction's id and the event's
// sequence number, "<xid>.<seq>". Clients treat it as opaque; the parser
// refuses anything the database could not take as xid8 and bigint.
import { AppError } from "../errors";

export interface OutboxPosition {
  xid: string;
  seq: string;
}

export const START: OutboxPosition = { xid: "0", seq: "0" };

const MAX_XID = 2n ** 64n - 1n;
const MAX_SEQ = 2n ** 63n - 1n;

export const encodeCursor = (p: OutboxPosition) => `${p.xid}.${p.seq}`;

export function parseCursor(value: string, field = "after"): OutboxPosition {
  const match = /^(\d{1,20})\.(\d{1,19})$/.exec(value);
  if (match && BigInt(match[1]) <= MAX_XID && BigInt(match[2]) <= MAX_SEQ) {
    return { xid: BigInt(match[1]).toString(), seq: BigInt(match[2]).toString() };
  }
  throw new AppError("VALIDATION", "Invalid cursor", { [field]: "Use the nextCursor of a previous answer" });
}

export function comparePositions(a: OutboxPosition, b: OutboxPosition): number {
  const x = BigInt(a.xid) - BigInt(b.xid);
  if (x !== 0n) return x < 0n ? -1 : 1;
  const s = BigInt(a.seq) - BigInt(b.seq);
  return s === 0n ? 0 : s < 0n ? -1 : 1;
}
