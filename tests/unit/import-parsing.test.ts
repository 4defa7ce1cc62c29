import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { DELIMITERS, guessDelimiter, guessNewline } from "@/lib/domain/import/dialect";
import { decodeAll, guessEncoding, isUtf8, looksBinary } from "@/lib/domain/import/encoding";
import { mappingProblems, suggestMapping } from "@/lib/domain/import/fields";
import { checkHeaders, raggedRowProblem } from "@/lib/domain/import/table";
import { parseBoolean, parseDate, parseInteger, parseList, parseMoney, parseNumber, parsePercent, suggestDateFormat, suggestNumberStyle } from "@/lib/domain/import/values";
import { chunksOf, csvRows } from "@/lib/server/imports/csv-read";

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => ({ "€": 0x80, "Œ": 0x8c, "œ": 0x9c, "’": 0x92 })[c] ?? c.charCodeAt(0)));

async function readAll(bytes: Uint8Array, chunk = 7) {
  const guess = guessEncoding(bytes.subarray(0, 64 * 1024));
  const sample = decodeAll(bytes.subarray(0, 64 * 1024), guess.encoding);
  const delimiter = guessDelimiter(sample);
  const rows: string[][] = [];
  for await (const r of csvRows(chunksOf(bytes, chunk), { encoding: guess.encoding, delimiter, newline: guessNewline(sample) })) rows.push(r.cells);
  return { guess, delimiter, rows };
}

describe("encoding", () => {
  it("reads UTF-8 with and without a byte order mark, and Windows-1252", async () => {
    const text = "name;city\nCafé Œuvre;Zürich €\n";
    const bom = await readAll(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(bom.guess).toEqual({ encoding: "utf-8", bom: true });
    expect(bom.rows).toEqual([["name", "city"], ["Café Œuvre", "Zürich €"]]);
    expect((await readAll(utf8(text))).rows[1]).toEqual(["Café Œuvre", "Zürich €"]);
    const win = await readAll(cp1252(text));
    expect(win.guess.encoding).toBe("windows-1252");
    expect(win.rows[1]).toEqual(["Café Œuvre", "Zürich €"]);
  });
  it("accepts a multi-byte character cut by the sample's end, refuses invalid UTF-8", () => {
    expect(isUtf8(utf8("é").subarray(0, 1))).toBe(true);
    expect(isUtf8(new Uint8Array([0x41, 0xe9, 0x41]))).toBe(false);
    expect(isUtf8(new Uint8Array([0xc0, 0x80]))).toBe(false);
  });
  it("recognises binary files", () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toBe(true);
    expect(looksBinary(utf8("a,b\n1,2\n"))).toBe(false);
  });
});

describe("delimiter", () => {
  it("finds semicolons in a European Excel file with decimal commas", () => {
    expect(guessDelimiter("title;amount\nA;1.234,56\nB;12,5\n")).toBe(";");
    expect(guessDelimiter('title,amount\n"A; B",1234.56\nC,2\n')).toBe(",");
    expect(guessDelimiter("a\tb\tc\n1\t2\t3\n")).toBe("\t");
  });
});

describe("numbers and money", () => {
  it.each([
    ["1.234,56", "comma", "1234.56"],
    ["1 234,56", "comma", "1234.56"],
    ["1,234.56", "dot", "1234.56"],
    ["1'234.56", "dot", "1234.56"],
    ["1234", "dot", "1234"],
    ["0012,5", "comma", "12.5"],
    ["(15.00)", "dot", "-15.00"],
    ["-0", "dot", "0"],
  ] as const)("%s (%s) is %s", (text, style, value) => {
    expect(parseNumber(text, style)).toEqual({ ok: true, value });
  });
  it("refuses bad grouping and the other style's decimals with a message", () => {
    expect(parseNumber("1,23,456", "dot").ok).toBe(false);
    const r = parseNumber("12,50", "dot");
    expect(r.ok ? "" : r.message).toMatch(/1,234\.56/);
    expect(parseNumber("abc", "dot").ok).toBe(false);
    expect(parseNumber("", "dot").ok).toBe(false);
  });
  it("splits currency symbols and codes", () => {
    expect(parseMoney("€1.234,56", "comma")).toEqual({ ok: true, value: { amount: "1234.56", currency: "EUR" } });
    expect(parseMoney("1,234.56 USD", "dot")).toEqual({ ok: true, value: { amount: "1234.56", currency: "USD" } });
    expect(parseMoney("£ 99", "dot")).toEqual({ ok: true, value: { amount: "99", currency: "GBP" } });
    expect(parseMoney("12 kg", "dot").ok).toBe(false);
  });
  it("percentages and integers", () => {
    expect(parsePercent("35%", "dot")).toEqual({ ok: true, value: 35 });
    expect(parsePercent("135", "dot").ok).toBe(false);
    expect(parseInteger("1.200", "comma")).toEqual({ ok: true, value: 1200 });
    expect(parseInteger("1.5", "dot").ok).toBe(false);
  });
  it("suggests the number style from the cells", () => {
    expect(suggestNumberStyle(["1.234,56", "12,5"])).toBe("comma");
    expect(suggestNumberStyle(["1,234.56", "7"])).toBe("dot");
    expect(suggestNumberStyle(["1,234", "7"])).toBe(null);
  });
  it("any amount written either way reads back (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (whole, cents, comma) => {
        const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, comma ? "." : ",");
        const text = `${grouped}${comma ? "," : "."}${String(cents).padStart(2, "0")}`;
        expect(parseNumber(text, comma ? "comma" : "dot")).toEqual({ ok: true, value: `${whole}.${String(cents).padStart(2, "0")}` });
      }),
    );
  });
});

describe("dates", () => {
  it("reads ISO, day-first and month-first dates", () => {
    expect(parseDate("2026-12-31", "DMY")).toEqual({ ok: true, value: "2026-12-31" });
    expect(parseDate("2026-12-31T10:00:00Z", "YMD")).toEqual({ ok: true, value: "2026-12-31" });
    expect(parseDate("31/12/2026", "DMY")).toEqual({ ok: true, value: "2026-12-31" });
    expect(parseDate("12/31/2026", "MDY")).toEqual({ ok: true, value: "2026-12-31" });
    expect(parseDate("31.12.2026", "DMY")).toEqual({ ok: true, value: "2026-12-31" });
    expect(parseDate("12/31/2026", "DMY").ok).toBe(false);
    expect(parseDate("2026-02-30", "YMD").ok).toBe(false);
    expect(parseDate("31/12/2026", "YMD")).toEqual({ ok: false, message: "Write the date like 2026-12-31" });
  });
  it("suggests the format, or says the user must pick", () => {
    expect(suggestDateFormat(["2026-01-02"])).toEqual({ format: "YMD", ambiguous: false });
    expect(suggestDateFormat(["01/02/2026", "31/12/2026"])).toEqual({ format: "DMY", ambiguous: false });
    expect(suggestDateFormat(["12/31/2026", "01/02/2026"])).toEqual({ format: "MDY", ambiguous: false });
    expect(suggestDateFormat(["01/02/2026", "03/04/2026"])).toEqual({ format: null, ambiguous: true });
  });
  it("any date written in any format reads back (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1900-01-01"), max: new Date("2999-12-31"), noInvalidDate: true }), fc.constantFrom("YMD", "DMY", "MDY"), (date, format) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split("-");
        const text = format === "YMD" ? iso : format === "DMY" ? `${d}/${m}/${y}` : `${m}/${d}/${y}`;
        expect(parseDate(text, format as "YMD")).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe("other cells", () => {
  it("booleans and lists", () => {
    expect(parseBoolean("Yes")).toEqual({ ok: true, value: true });
    expect(parseBoolean("0")).toEqual({ ok: true, value: false });
    expect(parseBoolean("maybe").ok).toBe(false);
    expect(parseList("HOT, PRIORITY;HOT")).toEqual(["HOT", "PRIORITY"]);
  });
});

describe("headers and mapping", () => {
  it("suggests fields from Pipedrive, HubSpot and Salesforce exports", () => {
    expect(suggestMapping("opportunity", ["Deal - Title", "Deal - Value", "Deal - Currency", "Deal - Stage", "Deal - Organization", "Deal - Owner", "Deal - Expected close date"])).toEqual([
      "title", "amount", "currency", "stage", "account", "owner", "expectedCloseDate",
    ]);
    expect(suggestMapping("opportunity", ["Record ID", "Deal Name", "Deal Stage", "Amount", "Close Date", "Pipeline", "Deal owner", "Create Date"])).toEqual([
      "externalId", "title", "stage", "amount", "expectedCloseDate", "pipeline", "owner", "createdAt",
    ]);
    expect(suggestMapping("opportunity", ["Opportunity Name", "Account Name", "Stage", "Amount", "Probability (%)", "Close Date", "Opportunity Owner", "Lead Source", "Type"])).toEqual([
      "title", "account", "stage", "amount", "probability", "expectedCloseDate", "owner", "source", "type",
    ]);
    expect(suggestMapping("contact", ["Person - First name", "Person - Last name", "Person - Email", "Person - Organization", "Title"])).toEqual([
      "firstName", "lastName", "email", "account", "jobTitle",
    ]);
    expect(suggestMapping("account", ["Organization - Name", "Website URL", "Number of Employees", "Annual Revenue", "Billing City"])).toEqual([
      "name", "website", "employees", "annualRevenue", "city",
    ]);
  });
  it("maps our own opportunity export without help, skipping derived columns", () => {
    const headers = ["id", "externalId", "title", "account", "pipeline", "stage", "status", "amount", "currency", "baseAmount", "probability", "weightedAmount", "owner", "expectedCloseDate", "actualCloseDate", "labels", "private", "createdAt", "Region"];
    const mapping = suggestMapping("opportunity", headers, [{ key: "region", label: "Region", type: "TEXT", required: false }]);
    expect(mapping).toEqual([null, "externalId", "title", "account", "pipeline", "stage", null, "amount", "currency", null, "probability", null, "owner", "expectedCloseDate", "closedAt", "labels", "isPrivate", "createdAt", "custom:region"]);
    expect(mappingProblems("opportunity", mapping, [{ key: "region", label: "Region", type: "TEXT", required: false }])).toEqual([]);
  });
  it("gives each field to one column, the exact name first", () => {
    expect(suggestMapping("opportunity", ["Deal - Title", "Title"])).toEqual(["title", null]);
    expect(suggestMapping("opportunity", ["Deal - Competitor", "Competitor"])).toEqual([null, "competitor"]);
    expect(mappingProblems("opportunity", ["title", "title"])).toContain("Title is mapped to two columns");
    expect(mappingProblems("opportunity", ["title"])).toEqual(["Map a column to Stage"]);
    expect(mappingProblems("opportunity", ["nope"])).toContain("Unknown field nope");
  });
  it("refuses repeated and missing header names, and ragged rows", () => {
    expect(checkHeaders(["Name", "name"]).problems[0]).toMatch(/used twice/);
    expect(checkHeaders(["", "b"]).headers).toEqual(["Column 1", "b"]);
    expect(checkHeaders([""]).problems).toContain("The first row must name the columns");
    expect(raggedRowProblem(["a"], 2)).toBe("This row has 1 cell; the header has 2");
    expect(raggedRowProblem(["a", "b", ""], 2)).toBe(null);
  });
});

/** Text cells a spreadsheet may hold: any printable text, accents, quotes, separators, line breaks, formula-looking text. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcXYZ 019,;\"'\t\n\r=+-@é€Œ’|".split("")), maxLength: 12 }),
  fc.constantFrom("=HYPERLINK(\"http://x\")", "1.234,56", "", " lead "),
);

describe("round trip (property): any table papaparse writes reads back unchanged", () => {
  it("for every delimiter, encoding and byte order mark, in any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 5 }).chain((width) =>
          fc.tuple(
            fc.array(fc.string({ unit: fc.constantFrom(..."abcdefgh".split("")), minLength: 1, maxLength: 6 }), { minLength: width, maxLength: width }),
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          ),
        ),
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
        fc.integer({ min: 1, max: 50 }),
        async ([headers, rows], delimiter, encoding, chunk) => {
          fc.pre(new Set(headers).size === headers.length);
          // A row of one blank cell is a blank line, which the reader skips: not a table papaparse can tell apart.
          fc.pre(rows.every((r) => r.some((c) => c !== "")));
          const text = Papa.unparse({ fields: headers, data: rows }, { delimiter, quotes: (v: unknown) => typeof v === "string" && /[\s,;|"'\t]/.test(v) || v === "" });
          const bytes = encoding === "windows-1252" ? cp1252(text) : encoding === "utf-8-bom" ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]) : utf8(text);
          const guess = guessEncoding(bytes);
          const rowsRead: string[][] = [];
          const newline = guessNewline(decodeAll(bytes, guess.encoding));
          for await (const r of csvRows(chunksOf(bytes, chunk), { encoding: guess.encoding, delimiter, newline })) rowsRead.push(r.cells);
          expect(rowsRead).toEqual([headers, ...rows]);
        },
      ),
      { numRuns: 200 },
    );
  });
  it("the delimiter is found for tables of two or more columns with quoted cells", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom(...DELIMITERS),
        fc.array(cell, { minLength: 12, maxLength: 30 }),
        (width, delimiter, cells) => {
          const headers = Array.from({ length: width }, (_, i) => `col${i}`);
          const rows = Array.from({ length: 3 }, (_, r) => Array.from({ length: width }, (_, c) => cells[(r * width + c) % cells.length]));
          expect(guessDelimiter(Papa.unparse({ fields: headers, data: rows }, { delimiter, quotes: true }))).toBe(delimiter);
        },
      ),
    );
  });
});
