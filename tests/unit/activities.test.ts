import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDaysIso, clockOf, compareDue, dueGroup, isOverdue, noteParts } from "@/lib/domain/activities";

const now = clockOf(new Date("2026-12-05T14:30:00Z"));

describe("activity due rules", () => {
  it("reads the clock in UTC", () => expect(now).toEqual({ date: "2026-12-05", time: "14:30" }));

  it("is overdue before today, or today at a time already past; a date-only one is due all day", () => {
    expect(isOverdue({ dueDate: "2026-12-04", dueTime: null }, now)).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-05", dueTime: null }, now)).toBe(false);
    expect(isOverdue({ dueDate: "2026-12-05", dueTime: "14:29" }, now)).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-05", dueTime: "14:30" }, now)).toBe(false);
    expect(isOverdue({ dueDate: null, dueTime: null }, now)).toBe(false);
  });

  it("groups by due day", () => {
    const g = (dueDate: string | null, dueTime: string | null = null) => dueGroup({ dueDate, dueTime }, now);
    expect([g("2026-11-30"), g("2026-12-05", "09:00"), g("2026-12-05"), g("2026-12-06"), g("2026-12-11"), g("2026-12-12"), g(null)]).toEqual([
      "overdue", "overdue", "today", "tomorrow", "week", "later", "none",
    ]);
    expect(addDaysIso("2026-12-31", 1)).toBe("2027-01-01");
  });

  it("orders by date (none last), date-only first within a day, then time and id: a total order", () => {
    const due = fc.record({ id: fc.string({ maxLength: 3 }), dueDate: fc.option(fc.constantFrom("2026-12-01", "2026-12-02"), { nil: null }), dueTime: fc.option(fc.constantFrom("08:00", "17:30"), { nil: null }) });
    fc.assert(
      fc.property(due, due, due, (a, b, c) => {
        expect(Math.sign(compareDue(a, b)) + Math.sign(compareDue(b, a))).toBe(0);
        if (compareDue(a, b) <= 0 && compareDue(b, c) <= 0) expect(compareDue(a, c)).toBeLessThanOrEqual(0);
      }),
    );
    const sorted = [
      { id: "d", dueDate: null, dueTime: null },
      { id: "c", dueDate: "2026-12-01", dueTime: "17:30" },
      { id: "b", dueDate: "2026-12-01", dueTime: "08:00" },
      { id: "a", dueDate: "2026-12-01", dueTime: null },
    ].sort(compareDue);
    expect(sorted.map((x) => x.id)).toEqual(["a", "b", "c", "d"]);
  });
});

describe("note text", () => {
  it("cuts text into text and http(s) links, never markup", () => {
    expect(noteParts("See https://example.com/a?b=1. And <b>x</b> javascript:alert(1)")).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.com/a?b=1", href: "https://example.com/a?b=1" },
      { kind: "text", text: ". And <b>x</b> javascript:alert(1)" },
    ]);
  });

  it("loses no character", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(noteParts(s).map((p) => p.text).join("")).toBe(s);
      }),
    );
  });
});
