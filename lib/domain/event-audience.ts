// Who receives what of an event, from what the event stores (isPrivate,
// visibleTo, and the audience before a narrowing change): the same rule as
// projectedTypeSql in lib/server/events/visibility.ts, for readers that hold
// the rows in memory (the live stream reads each batch once per process and
// filters it per connected user). tests/integration/live-visibility.test.ts
// checks both give the same answer on every combination.

export interface StoredAudience {
  type: string;
  recordType: string;
  isPrivate: boolean;
  visibleTo: readonly string[];
  /** Set only when the change narrowed who may see the record. */
  priorPrivate: boolean | null;
  priorVisibleTo: readonly string[];
}

export interface Viewer {
  userId: string;
  /** Managers and admins. */
  seesEverything: boolean;
}

/** The type the viewer receives: the event's own, "<record>.hidden" (drop it), or null (nothing, not even the id). */
export function projectedType(viewer: Viewer, e: StoredAudience): string | null {
  if (viewer.seesEverything || !e.isPrivate || e.visibleTo.includes(viewer.userId)) return e.type;
  if (e.priorPrivate !== null && (!e.priorPrivate || e.priorVisibleTo.includes(viewer.userId))) return `${e.recordType}.hidden`;
  return null;
}
