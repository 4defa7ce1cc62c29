// Regression tests of the rules the hostile-input fuzz made necessary
// (tests/reliability/hostile-input.test.ts): each input here once reached the
// database and came back as a 500.
import { describe, expect, it } from "vitest";
import { listOpportunities } from "@/lib/api/endpoints/opportunities";
import { refusedAtTheEdge } from "@/lib/api/edge-guards";
import { pageWindow } from "@/lib/api/pagination";
import { fitsMoneyColumn, MAX_MONEY } from "@/lib/domain/money";
import { AMOUNT_TOO_LARGE, BASE_AMOUNT_TOO_LARGE, checkedBaseAmount } from "@/lib/server/opportunities/write/base-amount";
import { boardFiltersSchema } from "@/lib/validation/board";
import { isoDateSchema } from "@/lib/validation/common-fields";
import { forecastApiQuerySchema } from "@/lib/validation/forecast";
import { NUL_MESSAGE, nulFields, urlNulFields } from "@/lib/validation/nul";
import { currencyCreateSchema } from "@/lib/validation/currencies";
import { quotaUpsertSchema } from "@/lib/validation/quotas";

const cursorOf = (o: unknown) => Buffer.from(JSON.stringify({ o })).toString("base64url");

describe("NUL characters", () => {
  it("are found anywhere in an input, keys included, and named by their path", () => {
    expect(nulFields({ title: "ok", contacts: [{ contactId: "a\u0000" }], customFields: { "k\u0000": 1 } })).toEqual({
      "contacts.0.contactId": NUL_MESSAGE,
      "customFields.k\\u0000": NUL_MESSAGE,
    });
    expect(nulFields("\u0000")).toEqual({ _root: NUL_MESSAGE });
    expect(nulFields({ title: "clean", n: 1, list: [null, true] })).toBeNull();
  });

  it("are looked for without recursion, so a body nested 100000 deep cannot overflow the stack", () => {
    const deep = JSON.parse("[".repeat(100_000) + '"\\u0000"' + "]".repeat(100_000));
    expect(Object.values(nulFields(deep)!)).toEqual([NUL_MESSAGE]);
  });

  it("are named even in a field called __proto__", () => {
    const fields = nulFields(JSON.parse('{"__proto__": "\\u0000"}'));
    expect(Object.keys(fields!)).toEqual(["__proto__"]);
  });

  it("are looked for once per object, so input that refers to itself cannot loop", () => {
    const cyclic: unknown[] = ["a\u0000"];
    cyclic.push(cyclic, { again: cyclic });
    expect(nulFields(cyclic)).toEqual({ "0": NUL_MESSAGE });
  });

  it("are found in a URL's path and query, encoded or not", () => {
    expect(urlNulFields(new URL("http://x/api/board?q=a%00b&owner=me"))).toEqual({ q: NUL_MESSAGE });
    expect(urlNulFields(new URL("http://x/opportunities/a%00b"))).toEqual({ path: NUL_MESSAGE });
    expect(urlNulFields(new URL("http://x/opportunities?q=plain"))).toBeNull();
  });
});

describe("dates that are not dates", () => {
  const notDates = ["2026-02-30", "2026-13-45", "2026-00-01", "0000-01-01", "1899-12-31", "3000-01-01"];

  it("are refused by the settings date (quotas, currency rates) and by the API's list filters", () => {
    for (const d of notDates) {
      expect(isoDateSchema.safeParse(d).success, d).toBe(false);
      expect(listOpportunities.query!.safeParse({ expectedCloseFrom: d }).success, d).toBe(false);
    }
    expect(isoDateSchema.safeParse("2028-02-29").success).toBe(true);
    expect(currencyCreateSchema.safeParse({ code: "ZZZ", name: "Z", symbol: "Z", rateToBase: "1", rateDate: "0000-01-01" }).success).toBe(false);
  });

  it("do not crash the quota's first-day-of-period check: the date itself is reported", () => {
    const result = quotaUpsertSchema.safeParse({ userId: "u", period: "YEAR", periodStart: "2026-00-01", amount: "5" });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toEqual(["periodStart"]);
  });

  it("are refused by the forecast's custom range and ignored by the board's filters", () => {
    expect(forecastApiQuerySchema.safeParse({ period: "custom", from: "0000-01-01", to: "0000-12-31" }).success).toBe(false);
    expect(boardFiltersSchema.parse({ owner: "", q: "", closeFrom: "0000-01-01", closeTo: "2026-02-30", labels: [] })).toMatchObject({ closeFrom: null, closeTo: null });
  });

  it("include timestamps outside 1900-2999 in updatedSince", () => {
    expect(listOpportunities.query!.safeParse({ updatedSince: "0000-01-01T00:00:00Z" }).success).toBe(false);
    expect(listOpportunities.query!.safeParse({ updatedSince: "2026-01-01T00:00:00+02:00" }).success).toBe(true);
  });
});

describe("numbers past what the database holds", () => {
  it("a hand-made cursor cannot ask for an offset the database refuses", () => {
    for (const o of [1e300, 2 ** 53, 10_000_001]) expect(() => pageWindow({ limit: 20, cursor: cursorOf(o) }), String(o)).toThrow("Invalid cursor");
    expect(pageWindow({ limit: 20, cursor: cursorOf(10_000_000) })).toEqual({ skip: 10_000_000, take: 20 });
  });

  it("an amount whose base-currency value overflows its column is refused, naming the amount", () => {
    expect(fitsMoneyColumn(MAX_MONEY)).toBe(true);
    expect(fitsMoneyColumn("10000000000000000.00")).toBe(false);
    expect(checkedBaseAmount("9999999999999999", "1")).toBe("9999999999999999.00");
    expect(() => checkedBaseAmount("9999999999999999", "1.27")).toThrow(expect.objectContaining({ code: "VALIDATION", fields: { amount: BASE_AMOUNT_TOO_LARGE } }));
    // An amount built from lines can pass the column itself even at a rate that keeps its base amount small.
    expect(() => checkedBaseAmount("12000000000000000.00", "0.5")).toThrow(expect.objectContaining({ code: "VALIDATION", fields: { amount: AMOUNT_TOO_LARGE } }));
    // A currency's new rate is what the admin changes: the refusal names it.
    expect(() => checkedBaseAmount("9000000000000000.00", "2", "rateToBase")).toThrow(expect.objectContaining({ fields: { rateToBase: BASE_AMOUNT_TOO_LARGE } }));
  });
});

describe("requests refused before routing (proxy.ts)", () => {
  const status = async (url: string, init?: RequestInit) => (await refusedAtTheEdge(new Request(url, init)))?.status ?? null;
  const action = (body: BodyInit, headers: Record<string, string> = {}) => ({ method: "POST", headers: { "next-action": "abc", host: "x", ...headers }, body });

  it("refuses a path Next.js cannot decode, a NUL in a page's URL and an action body over 1 MB", async () => {
    expect(await status("http://x/api/v1/opportunities/x%ED%A0%80y/move")).toBe(400);
    expect(await status("http://x/opportunities/%E0%A4%A")).toBe(400);
    expect(await status("http://x/opportunities?q=%00")).toBe(422);
    const nul = (await (await refusedAtTheEdge(new Request("http://x/opportunities?q=%00")))!.json()) as { error: Record<string, unknown> };
    expect(nul).toEqual({ error: { code: "VALIDATION", message: "Some fields are invalid", fields: { q: NUL_MESSAGE }, requestId: expect.any(String) } });
    const big = { method: "POST", headers: { "next-action": "abc", "content-length": String(1024 * 1024 + 1) } };
    expect(await status("http://x/settings/users", big)).toBe(400);
    expect(await status("http://x/settings/users", action("[" + '"x",'.repeat(300_000) + '"x"]'))).toBe(400);
  });

  it("refuses a server action from another origin with 403, and one from its own origin passes", async () => {
    expect(await status("http://x/settings/users", action("[{}]", { origin: "https://evil.example" }))).toBe(403);
    expect(await status("http://x/settings/users", action("[{}]", { origin: "null" }))).toBe(403);
    expect(await status("http://x/settings/users", action("[{}]", { origin: "not a url" }))).toBe(403);
    // A form post without JavaScript is an action too.
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    expect(await status("http://x/signin", { method: "POST", headers: { origin: "https://evil.example", host: "x" }, body: form })).toBe(403);
    expect(await status("http://x/settings/users", action("[{}]", { origin: "http://x" }))).toBeNull();
  });

  it("refuses action bodies React cannot decode with 400: empty, not JSON, not a list, too deep, dangling references", async () => {
    for (const body of ["", "   ", "not json", "{}", '"$@0"', "[".repeat(50_000) + "]".repeat(50_000), '["$Q1"]', '["$@1"]', '["$n1e400"]', '["$R1"]', '["$Z"]', '["$A0"]']) {
      expect(await status("http://x/settings/users", action(body, { "content-type": "text/plain;charset=UTF-8" })), body.slice(0, 20)).toBe(400);
    }
    expect(await status("http://x/settings/users", action("a=b", { "content-type": "application/x-www-form-urlencoded" }))).toBe(400);
    expect(await status("http://x/settings/users", action("--x\r\nbroken", { "content-type": "multipart/form-data; boundary=x" }))).toBe(400);
    const dangling = new FormData();
    dangling.append("0", '["$K1", "$@2"]');
    dangling.append("1_email", "a@example.com");
    expect(await status("http://x/signin", action(dangling))).toBe(400);
  });

  it("lets ordinary requests and well-formed action bodies through, and leaves NULs in API URLs to the routes, which name the field", async () => {
    expect(await status("http://x/opportunities/caf%C3%A9?q=ok")).toBeNull();
    expect(await status("http://x/api/v1/opportunities?q=%00")).toBeNull();
    const ok = ["[]", '[{"name":"x"}]', '["$undefined", "$$dollar", "$D2026-01-01T00:00:00.000Z", "$n12345678901234567890", "$NaN", "$-0", "$T", "$K1"]', '["$@0"]', "[" + "[".repeat(60) + "]".repeat(60) + "]"];
    for (const body of ok) expect(await status("http://x/settings/users", action(body, { "content-type": "text/plain;charset=UTF-8" })), body).toBeNull();
    const form = new FormData();
    form.append("0", '[{},"$K1","$@2"]');
    form.append("1_email", "a@example.com");
    form.append("2", '{"a":1}');
    expect(await status("http://x/signin", action(form))).toBeNull();
  });
});
