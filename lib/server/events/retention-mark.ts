/** The OutboxCursor row that says up to where retention has deleted events (the feed answers 410 before it). */
export const RETENTION_CURSOR = "retention";
