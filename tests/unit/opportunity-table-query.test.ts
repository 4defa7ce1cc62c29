import { describe, expect, it } from "vitest";
import { exportHref, tableHref } from "@/components/opportunities/table-url";
import { safeCell } from "@/lib/server/opportunities/list/export";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";

describe("opportunity table URL state", () => {
  it("keeps good filters and ignores malformed ones", () => {
    const q = parseOpportunityTableQuery({ q: "  acme ", status: "WON", closeFrom: "2026-02-30", closeTo: "2026-12-31", ownerId: "", label: "HOT", pipelineId: ["p1", "p2"] });
    expect(q.filters).toEqual({ q: "acme", status: "WON", closeTo: "2026-12-31", label: "HOT", pipelineId: "p1" });
    expect(parseOpportunityTableQuery({ status: "MAYBE" }).filters).toEqual({});
  });

  it("round-trips filters, sort and page through the URL", () => {
    const q = parseOpportunityTableQuery({ q: "a b", stageId: "s1", sort: "amount", dir: "desc", page: "3", pageSize: "50" });
    const href = tableHref(q, {});
    const again = parseOpportunityTableQuery(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(again).toEqual(q);
    expect(exportHref(q)).toBe("/opportunities/export?q=a+b&stageId=s1&sort=amount&dir=desc");
  });
});

describe("CSV cells", () => {
  it("neutralises spreadsheet formulas and leaves other text alone", () => {
    expect(safeCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(safeCell("+1")).toBe("'+1");
    expect(safeCell("@cmd")).toBe("'@cmd");
    expect(safeCell("Acme, Inc.")).toBe("Acme, Inc.");
    expect(safeCell("1250.00")).toBe("1250.00");
  });
});
