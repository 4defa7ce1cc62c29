import { describe, expect, it } from "vitest";
import type { z } from "zod";
import fc from "fast-check";
import { opportunityCreateSchema, opportunityUpdateSchema } from "@/lib/validation/opportunity";
import { customFieldErrors, normalizeCustomFields, type CustomFieldDefinitionInput } from "@/lib/validation/opportunity-custom-fields";

const base = { title: "Deal", stageId: "stage-1" };
const errorsOf = (input: unknown, schema: z.ZodType = opportunityCreateSchema) => {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("opportunity create schema", () => {
  it("requires title and stage, and nothing else", () => {
    expect(errorsOf({})).toMatchObject({ title: "Enter a title", stageId: "Choose a stage" });
    expect(errorsOf({ title: "   ", stageId: "s" })).toEqual({ title: "Enter a title" });
    expect(errorsOf(base)).toEqual({});
  });

  it("limits the title to 200 characters", () => {
    expect(errorsOf({ ...base, title: "x".repeat(200) })).toEqual({});
    expect(errorsOf({ ...base, title: "x".repeat(201) })).toEqual({ title: "Use at most 200 characters" });
  });

  it("refuses unknown fields (strict, as the API is)", () => {
    expect(Object.keys(errorsOf({ ...base, weighted: "1" }))).toEqual([""]);
    expect(opportunityUpdateSchema.safeParse({ nope: 1 }).success).toBe(false);
  });

  it("accepts probability 0..100 as whole numbers only", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100 }), (p) => opportunityCreateSchema.safeParse({ ...base, probability: p }).success));
    fc.assert(fc.property(fc.integer().filter((p) => p < 0 || p > 100), (p) => errorsOf({ ...base, probability: p }).probability === "Probability is 0 to 100"));
    expect(errorsOf({ ...base, probability: 12.5 })).toEqual({ probability: "Use a whole number" });
    expect(errorsOf({ ...base, probability: null })).toEqual({});
  });

  it("accepts amounts >= 0 with at most 2 decimals, as strings", () => {
    for (const ok of ["0", "0.5", "1250.00", "9999999999999999.99"]) expect(errorsOf({ ...base, amount: ok, recurringAmount: ok })).toEqual({});
    for (const bad of ["-1", "1.234", "1e5", "abc", "", "1,000"]) {
      expect(errorsOf({ ...base, amount: bad }).amount).toBe("Enter an amount of 0 or more with at most 2 decimals");
      expect(errorsOf({ ...base, recurringAmount: bad }).recurringAmount).toBeDefined();
    }
    expect(errorsOf({ ...base, amount: 12 }).amount).toBe("Enter an amount");
  });

  it("accepts only real calendar dates", () => {
    expect(errorsOf({ ...base, expectedCloseDate: "2026-02-28" })).toEqual({});
    expect(errorsOf({ ...base, expectedCloseDate: "2028-02-29" })).toEqual({});
    for (const bad of ["2026-02-30", "2026-13-01", "26-01-01", "2026/01/01", "tomorrow"]) {
      expect(errorsOf({ ...base, expectedCloseDate: bad }).expectedCloseDate).toBe("Enter a valid date (YYYY-MM-DD)");
    }
  });

  it("wants exactly one primary contact when there are contacts", () => {
    const c = (contactId: string, isPrimary: boolean) => ({ contactId, isPrimary });
    expect(errorsOf({ ...base, contacts: [] })).toEqual({});
    expect(errorsOf({ ...base, contacts: [c("a", true), c("b", false)] })).toEqual({});
    expect(errorsOf({ ...base, contacts: [c("a", false)] })).toEqual({ contacts: "Mark one contact as primary" });
    expect(errorsOf({ ...base, contacts: [c("a", true), c("b", true)] })).toEqual({ contacts: "Only one contact can be primary" });
    expect(errorsOf({ ...base, contacts: [c("a", true), c("a", false)] })).toEqual({ contacts: "A contact is listed twice" });
  });

  it("checks rating, contract months, currency, exchange rate and duplicate members", () => {
    expect(errorsOf({ ...base, rating: 6 }).rating).toBe("Rate from 0 to 5");
    expect(errorsOf({ ...base, contractMonths: 0 }).contractMonths).toBe("At least 1 month");
    expect(errorsOf({ ...base, currency: "euro" }).currency).toBe("Use a 3-letter currency code");
    expect(opportunityCreateSchema.parse({ ...base, currency: "eur" }).currency).toBe("EUR");
    expect(errorsOf({ ...base, exchangeRate: "0" }).exchangeRate).toBe("The exchange rate must be more than 0");
    expect(errorsOf({ ...base, memberIds: ["u1", "u1"] }).memberIds).toBe("A member is listed twice");
  });

  it("turns blank optional text into null", () => {
    expect(opportunityCreateSchema.parse({ ...base, description: "  ", utmSource: "" })).toMatchObject({ description: null, utmSource: null });
  });

  it("makes every field optional on update, and the version an integer", () => {
    expect(errorsOf({}, opportunityUpdateSchema)).toEqual({});
    expect(errorsOf({ version: 0 }, opportunityUpdateSchema).version).toBeDefined();
    expect(errorsOf({ title: "" }, opportunityUpdateSchema).title).toBe("Enter a title");
  });
});

describe("custom field values against definitions", () => {
  const defs: CustomFieldDefinitionInput[] = [
    { key: "next", label: "Next step", type: "TEXT", options: [], required: true },
    { key: "notes", label: "Notes", type: "TEXTAREA", options: [], required: false },
    { key: "seats", label: "Seats", type: "NUMBER", options: [], required: false },
    { key: "process", label: "Process", type: "SELECT", options: ["Committee", "Single buyer"], required: false },
    { key: "signed", label: "NDA signed", type: "CHECKBOX", options: [], required: false },
    { key: "kickoff", label: "Kick-off", type: "DATE", options: [], required: false },
  ];

  it("accepts values of the right type", () => {
    const values = { next: "Demo", notes: "long\ntext", seats: "12", process: "Committee", signed: false, kickoff: "2026-05-01" };
    expect(customFieldErrors(defs, values)).toEqual({});
    expect(normalizeCustomFields(defs, values)).toEqual({ ...values, seats: 12 });
  });

  it("names each wrong value and each missing required one", () => {
    expect(customFieldErrors(defs, { next: "  ", seats: "twelve", process: "Other", signed: "yes", kickoff: "2026-02-31", ghost: "x" })).toEqual({
      next: "Next step is required",
      seats: "Seats must be a number",
      process: "Choose one of the options for Process",
      signed: "NDA signed must be yes or no",
      kickoff: "Kick-off must be a valid date (YYYY-MM-DD)",
      ghost: 'There is no custom field "ghost"',
    });
    expect(customFieldErrors(defs, {})).toEqual({ next: "Next step is required" });
  });

  it("drops blank optional values when storing", () => {
    expect(normalizeCustomFields(defs, { next: " Call ", notes: "", seats: null })).toEqual({ next: "Call" });
  });
});
