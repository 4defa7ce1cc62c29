import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertionIndex, isPermutation, missingStageTypes, movedTo, normalizeStageOdds, periodStartOf, stageSetProblem } from "@/lib/domain/pipeline-rules";
import { ranksAfter } from "@/lib/domain/rank";

const type = fc.constantFrom("OPEN" as const, "WON" as const, "LOST" as const);

describe("pipeline rules", () => {
  it("moves one id to a position, clamped, keeping the order of the others and every id once", () => {
    expect(movedTo(["a", "b", "c", "d"], "a", 2)).toEqual(["b", "c", "a", "d"]);
    expect(movedTo(["a", "b", "c", "d"], "d", 0)).toEqual(["d", "a", "b", "c"]);
    expect(movedTo(["a", "b", "c"], "b", 99)).toEqual(["a", "c", "b"]);
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { minLength: 1, maxLength: 10 }), fc.nat(12), (ids, position) => {
        const moved = movedTo(ids, ids[0], position);
        expect(isPermutation(ids, moved)).toBe(true);
        expect(moved.indexOf(ids[0])).toBe(Math.min(position, ids.length - 1));
        expect(moved.filter((x) => x !== ids[0])).toEqual(ids.slice(1));
      }),
    );
  });

  it("accepts a stage set exactly when it has an open, a won and a lost stage", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ type }), { maxLength: 8 }), (stages) => {
        const complete = ["OPEN", "WON", "LOST"].every((t) => stages.some((s) => s.type === t));
        expect(stageSetProblem(stages) === null).toBe(complete);
        expect(missingStageTypes(stages).length === 0).toBe(complete);
      }),
    );
  });

  it("explains which kind of stage would be missing", () => {
    expect(stageSetProblem([{ type: "OPEN" }, { type: "LOST" }])).toContain("won stage");
    expect(stageSetProblem([{ type: "WON" }])).toMatch(/open stage.*lost stage/);
  });

  it("forces won stages to 100% closed and lost ones to 0% omitted", () => {
    expect(normalizeStageOdds({ type: "WON", probability: 20, forecastCategory: "PIPELINE" })).toEqual({ type: "WON", probability: 100, forecastCategory: "CLOSED" });
    expect(normalizeStageOdds({ type: "LOST", probability: 20, forecastCategory: "COMMIT" })).toEqual({ type: "LOST", probability: 0, forecastCategory: "OMITTED" });
    expect(normalizeStageOdds({ type: "OPEN", probability: 40, forecastCategory: "CLOSED" })).toEqual({ type: "OPEN", probability: 40, forecastCategory: "PIPELINE" });
    expect(normalizeStageOdds({ type: "OPEN", probability: 40, forecastCategory: "COMMIT" }).forecastCategory).toBe("COMMIT");
  });

  it("recognizes reorders and refuses lists that add, drop or repeat ids", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 10 }), fc.nat(), (ids, seed) => {
        const shuffled = [...ids].sort((a, b) => ((a.charCodeAt(seed % a.length) ^ seed) - (b.charCodeAt(seed % b.length) ^ seed)));
        expect(isPermutation(ids, shuffled)).toBe(true);
        expect(isPermutation(ids, shuffled.slice(1))).toBe(false);
        expect(isPermutation(ids, [...shuffled.slice(1), "not-an-id"])).toBe(false);
        if (ids.length > 1) expect(isPermutation(ids, [...shuffled.slice(1), shuffled[1]])).toBe(false);
      }),
    );
  });

  it("inserts a new open stage after the last open one unless told where", () => {
    const stages = [{ id: "a", type: "OPEN" as const }, { id: "b", type: "OPEN" as const }, { id: "w", type: "WON" as const }, { id: "l", type: "LOST" as const }];
    expect(insertionIndex(stages, null, "OPEN")).toBe(2);
    expect(insertionIndex(stages, "a", "OPEN")).toBe(1);
    expect(insertionIndex(stages, null, "LOST")).toBe(4);
    expect(insertionIndex(stages, "missing", "OPEN")).toBe(2);
  });

  it("aligns quota periods to their first day", () => {
    const d = new Date("2026-08-17T12:00:00Z");
    expect(periodStartOf("MONTH", d).toISOString().slice(0, 10)).toBe("2026-08-01");
    expect(periodStartOf("QUARTER", d).toISOString().slice(0, 10)).toBe("2026-07-01");
    expect(periodStartOf("YEAR", d).toISOString().slice(0, 10)).toBe("2026-01-01");
  });

  it("appends rank keys after the last key, in order", () => {
    const keys = ranksAfter("a5", 4);
    expect(keys.every((k) => k > "a5")).toBe(true);
    expect([...keys].sort()).toEqual(keys);
  });
});
