import { describe, expect, it } from "vitest";
import { EVENT_PATTERNS, EVENT_TYPES, isEventPattern, matchesAny, patternMatches } from "@/lib/domain/events";
import { typesMatching } from "@/lib/server/events/feed";
import { comparePositions, encodeCursor, parseCursor } from "@/lib/server/events/cursor";

describe("event types and patterns", () => {
  it("matches exact types, a record's wildcard and everything", () => {
    expect(patternMatches("opportunity.won", "opportunity.won")).toBe(true);
    expect(patternMatches("opportunity.won", "opportunity.lost")).toBe(false);
    expect(patternMatches("opportunity.*", "opportunity.stage_changed")).toBe(true);
    expect(patternMatches("opportunity.*", "line_item.created")).toBe(false);
    expect(patternMatches("*", "contact.deleted")).toBe(true);
    expect(matchesAny(["account.*", "contact.created"], "contact.created")).toBe(true);
  });

  it("accepts only known patterns", () => {
    expect(isEventPattern("line_item.*")).toBe(true);
    expect(isEventPattern("opportunity.exploded")).toBe(false);
    expect(isEventPattern("opp*")).toBe(false);
    for (const t of EVENT_TYPES) expect(EVENT_PATTERNS).toContain(t);
  });

  it("expands patterns to the types the feed filters on, tombstones for lost sight included", () => {
    expect(typesMatching(["opportunity.*"])).toContain("opportunity.hidden");
    expect(typesMatching(["account.created", "contact.*"]).sort()).toEqual(["account.created", "contact.created", "contact.deleted", "contact.hidden", "contact.updated"]);
  });
});

describe("outbox cursors", () => {
  it("round-trips and orders by transaction id, then sequence, as numbers", () => {
    const a = parseCursor(encodeCursor({ xid: "9", seq: "100" }));
    const b = parseCursor("10.1");
    expect(comparePositions(a, b)).toBe(-1);
    expect(comparePositions(b, a)).toBe(1);
    expect(comparePositions(parseCursor("007.01"), { xid: "7", seq: "1" })).toBe(0);
  });
});
