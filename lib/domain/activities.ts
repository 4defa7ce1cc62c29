// Pure rules of activities: when one is due (overdue, today, ...), the order of
// a deal's open activities (its "next activity" is the first), and the plain
// text of a note cut into text and links for rendering without HTML.
// Dates are calendar dates (YYYY-MM-DD) and times of day ("HH:MM") on the
// team's clock; "now" is passed in, so tests pin it.

export type DueGroup = "overdue" | "today" | "tomorrow" | "week" | "later" | "none";

export interface Due {
  dueDate: string | null;
  dueTime: string | null;
}

/** The moment rules are measured from: today's date and the time of day, on the team's clock. */
export interface Clock {
  date: string;
  time: string;
}

/** The clock of an instant in UTC (the app's clock). */
export function clockOf(now: Date): Clock {
  const iso = now.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Overdue: a date before today, or today at a time already past. A date-only activity is due all day. */
export function isOverdue(due: Due, now: Clock): boolean {
  if (!due.dueDate) return false;
  if (due.dueDate < now.date) return true;
  return due.dueDate === now.date && due.dueTime !== null && due.dueTime < now.time;
}

/** The group of an open activity on the activities page; the week ends on the 7th day from today. */
export function dueGroup(due: Due, now: Clock): DueGroup {
  if (!due.dueDate) return "none";
  if (isOverdue(due, now)) return "overdue";
  if (due.dueDate === now.date) return "today";
  if (due.dueDate === addDaysIso(now.date, 1)) return "tomorrow";
  if (due.dueDate <= addDaysIso(now.date, 6)) return "week";
  return "later";
}

/** Order of open activities: by date (none last), date-only before timed ones of the same day, then by time and id. The SQL sorts the same way. */
export function compareDue(a: Due & { id: string }, b: Due & { id: string }): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.dueTime !== b.dueTime) {
    if (a.dueTime === null) return -1;
    if (b.dueTime === null) return 1;
    return a.dueTime < b.dueTime ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** SQL of the same order over an Activity row aliased `a` (the partial index's order). */
export const DUE_ORDER_SQL = (a: string) => `${a}."dueDate" ASC NULLS LAST, ${a}."dueTime" ASC NULLS FIRST, ${a}."id" ASC`;

export type TextPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/** A note's text as text and links (http and https only), for rendering as React text nodes and anchors, never HTML. */
export function noteParts(body: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of body.matchAll(LINK)) {
    if (m.index > last) parts.push({ kind: "text", text: body.slice(last, m.index) });
    parts.push({ kind: "link", text: m[0], href: m[0] });
    last = m.index + m[0].length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}
