import { describe, expect, it } from "vitest";
import { describeTarget, lineIndex, positionOf, slots, step } from "@/components/board/board-keyboard";
import type { BoardStage } from "@/lib/server/board/board";
import type { BoardCard } from "@/lib/server/board/cards";

const card = (id: string): BoardCard => ({
  id, title: id, accountName: null, amount: "1.00", currency: "USD", baseAmount: "1.00", probability: 10, ownerId: "u", ownerName: "U",
  expectedCloseDate: null, labels: [], stageChangedAt: "2026-01-01T00:00:00.000Z", isPrivate: false, rank: id, version: 1, editable: true, nextActivity: null, assigneeId: null, assigneeName: null,
});

const stage = (id: string, type: BoardStage["type"], ids: string[], count = ids.length): BoardStage => ({
  id, name: id[0].toUpperCase() + id.slice(1), type, color: "#000", probability: 10, rottingDays: null,
  totals: { count, amount: "0.00", weighted: "0.00" }, cards: ids.map(card), nextCursor: null,
});

// Stages as the server orders them: a closed stage may sit between open ones.
const stages = [
  stage("lead", "OPEN", ["a", "b", "c"]),
  stage("won", "WON", [], 7),
  stage("empty", "OPEN", []),
  stage("proposal", "OPEN", ["d"], 40),
  stage("lost", "LOST", [], 3),
];

describe("keyboard moves on the board", () => {
  it("walks the open columns first, then the closed zones", () => {
    expect(slots(stages).map((s) => s.id)).toEqual(["lead", "empty", "proposal", "won", "lost"]);
  });

  it("moves right into an empty column, then on, then onto Won and Lost, and stops at the end", () => {
    let t = { stageId: "lead", index: 2 };
    t = step(stages, "c", t, "ArrowRight");
    expect(t).toEqual({ stageId: "empty", index: 0 });
    t = step(stages, "c", t, "ArrowRight");
    expect(t).toEqual({ stageId: "proposal", index: 0 });
    t = step(stages, "c", t, "ArrowRight");
    expect(t).toEqual({ stageId: "won", index: 0 });
    t = step(stages, "c", t, "ArrowRight");
    expect(t).toEqual({ stageId: "lost", index: 0 });
    expect(step(stages, "c", t, "ArrowRight")).toBe(t);
    expect(step(stages, "c", t, "ArrowDown")).toBe(t);
    expect(step(stages, "c", t, "ArrowLeft")).toEqual({ stageId: "won", index: 0 });
  });

  it("moves within a column between its first place and the place after its last card", () => {
    let t = { stageId: "proposal", index: 0 };
    t = step(stages, "a", t, "ArrowDown");
    expect(t).toEqual({ stageId: "proposal", index: 1 });
    expect(step(stages, "a", t, "ArrowDown")).toBe(t);
    expect(step(stages, "a", { stageId: "proposal", index: 0 }, "ArrowUp")).toEqual({ stageId: "proposal", index: 0 });
    // In its own column the card does not count: three cards, two others, three places.
    expect(step(stages, "a", { stageId: "lead", index: 1 }, "ArrowDown")).toEqual({ stageId: "lead", index: 2 });
    expect(step(stages, "a", { stageId: "lead", index: 2 }, "ArrowDown")).toEqual({ stageId: "lead", index: 2 });
    expect(step(stages, "a", { stageId: "lead", index: 0 }, "ArrowLeft")).toEqual({ stageId: "lead", index: 0 });
  });

  it("counts the target column as it will be after the drop", () => {
    const home = { stageId: "lead", index: 0 };
    expect(positionOf(stages, "a", home, { stageId: "empty", index: 0 })).toEqual({ position: 1, of: 1 });
    // 40 deals in Proposal (one loaded): the card makes 41.
    expect(positionOf(stages, "a", home, { stageId: "proposal", index: 1 })).toEqual({ position: 2, of: 41 });
    expect(positionOf(stages, "a", home, { stageId: "lead", index: 2 })).toEqual({ position: 3, of: 3 });
    expect(positionOf(stages, "a", home, { stageId: "won", index: 0 })).toBeNull();
  });

  it("announces the stage, the position, and what a closed stage does", () => {
    const home = { stageId: "lead", index: 0 };
    expect(describeTarget(stages, "a", "Acme", home, { stageId: "proposal", index: 0 })).toBe("Acme is over Proposal, position 1 of 41.");
    expect(describeTarget(stages, "a", "Acme", home, home)).toBe("Acme is over Lead, position 1 of 3 (where it was).");
    expect(describeTarget(stages, "a", "Acme", home, { stageId: "won", index: 0 })).toBe("Acme is over Won. Press Space to mark it won.");
    expect(describeTarget(stages, "a", "Acme", home, { stageId: "lost", index: 0 })).toMatch(/^Acme is over Lost\. Press Space to mark it lost/);
  });

  it("draws the drop line between the right cards of a column that still shows the moving card", () => {
    const home = { stageId: "lead", index: 1 };
    expect(lineIndex(home, home)).toBeNull();
    expect(lineIndex(home, { stageId: "lead", index: 0 })).toBe(0);
    expect(lineIndex(home, { stageId: "lead", index: 2 })).toBe(3);
    expect(lineIndex(home, { stageId: "proposal", index: 1 })).toBe(1);
  });
});
