// Rate-limit tokens an app instance has reserved in the database and not yet
// used. Counting every request with its own write to the shared bucket row
// made that row the API's bottleneck (16 connections queueing on one row lock,
// BENCHMARKS.md, REST API). Instead an instance reserves a small block of
// tokens in one write and spends them locally. The database count is the sum
// of every instance's reservations, so all instances together never serve more
// than the limit in a window; the only inexactness is in the safe direction: a
// busy key spread over several instances may be refused up to (instances - 1) x
// (block - 1) requests early, because other instances hold unspent tokens.
// A block is 1/64 of the limit (at most 25), so small limits count exactly.

export interface Lease {
  windowStart: number;
  /** Tokens reserved by this instance and not yet spent. */
  unspent: number;
  /** The bucket's count (at most the limit) after this instance's last reservation: tokens handed out anywhere. */
  reservedEverywhere: number;
}

const MAX_BLOCK = 25;
const MAX_KEYS = 10_000;

/** Tokens one reservation asks for. */
export function blockSize(limit: number): number {
  return Math.max(1, Math.min(MAX_BLOCK, Math.floor(limit / 64)));
}

/**
 * After a reservation of `block` tokens brought the bucket to `count`: how many
 * of them are within the limit (the rest are refused; the count keeps them, as
 * refused requests counted before).
 */
export function usableTokens(count: number, block: number, limit: number): number {
  return Math.max(0, Math.min(block, limit - (count - block)));
}

/** Requests counted against the limit as far as this instance knows: every reserved token within it, less its own unspent ones. */
function served(lease: Lease): number {
  return lease.reservedEverywhere - lease.unspent;
}

export class LeaseBook {
  private readonly leases = new Map<string, Lease>();

  /** Spends one token of the current window's lease; null when there is none left. */
  spend(key: string, windowStart: number): { requestsCounted: number } | null {
    const lease = this.leases.get(key);
    if (!lease || lease.windowStart !== windowStart || lease.unspent === 0) return null;
    lease.unspent -= 1;
    return { requestsCounted: served(lease) };
  }

  /** Records a reservation's result and spends the first token when one is usable. */
  reserve(key: string, windowStart: number, count: number, block: number, limit: number): { allowed: boolean; requestsCounted: number } {
    const usable = usableTokens(count, block, limit);
    let lease = this.leases.get(key);
    if (!lease || lease.windowStart !== windowStart) {
      if (this.leases.size >= MAX_KEYS) this.leases.clear(); // dropping leases only forfeits unspent tokens
      lease = { windowStart, unspent: 0, reservedEverywhere: 0 };
      this.leases.set(key, lease);
    }
    // Tokens past the limit are never usable, so they do not count as served.
    lease.reservedEverywhere = Math.max(lease.reservedEverywhere, Math.min(count, limit));
    if (usable === 0) return { allowed: false, requestsCounted: count };
    lease.unspent += usable - 1;
    return { allowed: true, requestsCounted: served(lease) };
  }

  /** A revoked key or deactivated user: nothing it reserved may be spent. */
  forget(key: string): void {
    this.leases.delete(key);
  }
}
