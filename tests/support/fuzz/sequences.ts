// Calls that build on each other. Every single generated body stays within its
// schema's bounds; what can still break is what several calls add up to: a
// deal's amount (and its base amount at the deal's rate) grows with each line
// added or edited, with the contract months and with the rate. A sequence
// creates one deal (sometimes in a foreign currency, sometimes with its first
// lines), then adds, edits and replaces lines and changes the contract months
// or the rate, with values near the money columns' limits; each step is sent
// over HTTP and judged like any other call (run.ts).
import fc from "fast-check";
import type { Endpoint } from "@/lib/api/endpoint";
import { createLineItem, listLineItems, replaceLineItems, updateLineItem } from "@/lib/api/endpoints/line-items";
import { createOpportunity, updateOpportunity } from "@/lib/api/endpoints/opportunities";
import type { CallerName, RouteCall } from "./targets";

interface LineBody {
  name: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  billing: "ONE_TIME" | "MONTHLY";
}

export type SequenceStep =
  | { op: "add"; line: LineBody }
  | { op: "edit"; pick: number; patch: Partial<LineBody> }
  | { op: "replace"; keep: number; add: LineBody[]; contractMonths?: number | null }
  | { op: "months"; contractMonths: number | null }
  | { op: "rate"; exchangeRate: string };

export interface SequenceCall {
  kind: "sequence";
  target: string;
  caller: CallerName;
  deal: { currency: string; contractMonths: number | null; lineItems: LineBody[] };
  steps: SequenceStep[];
  mutation: string;
}

export const SEQUENCE_TARGET = "sequence: line items on one deal";

const digits = (min: number, max: number) => fc.integer({ min, max }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })).map((d) => d.join("").replace(/^0+(?=\d)/, ""));

/** Prices near the DECIMAL(18,2) limit (9999999999999999.99) most of the time: a few such lines overflow the deal. */
const unitPrice = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("9999999999999999.99", "5000000000000000.00", "3333333333333333.34", "2500000000000000.00", "999999999999999.99", "16666666666666.67") },
  { weight: 1, arbitrary: fc.tuple(digits(1, 16), digits(2, 2)).map(([a, b]) => `${a}.${b.padStart(2, "0")}`) },
  { weight: 1, arbitrary: fc.constantFrom("0.01", "1.00", "89.00") },
);
const quantity = fc.oneof({ weight: 4, arbitrary: fc.constantFrom("1", "1", "2", "3", "0.5", "1.0001") }, { weight: 1, arbitrary: digits(1, 12).filter((q) => /[1-9]/.test(q)) });
const line: fc.Arbitrary<LineBody> = fc.record({
  name: fc.constantFrom("Platform", "Seats", "Support", "Hardware"),
  quantity,
  unitPrice,
  discountPercent: fc.constantFrom("0", "0", "0", "10", "99.99"),
  billing: fc.constantFrom<LineBody["billing"]>("ONE_TIME", "ONE_TIME", "MONTHLY"),
});
const months = fc.oneof(fc.constantFrom<number | null>(null, 1, 12, 36, 600), fc.integer({ min: 1, max: 600 }));
/** The base currency, two demo currencies worth more than it (a base overflow), and explicit rates either side of 1. */
const rate = fc.constantFrom("1", "1.27", "2.5", "0.5", "0.00000001", "9999999999");

const step: fc.Arbitrary<SequenceStep> = fc.oneof(
  { weight: 5, arbitrary: line.map((l) => ({ op: "add" as const, line: l })) },
  {
    weight: 3,
    arbitrary: fc.record({ pick: fc.nat(), patch: fc.record({ quantity, unitPrice, billing: line.map((l) => l.billing), discountPercent: fc.constant("0") }, { requiredKeys: [] }) }).map((e) => ({ op: "edit" as const, ...e })),
  },
  { weight: 2, arbitrary: fc.record({ keep: fc.nat(), add: fc.array(line, { maxLength: 3 }), contractMonths: fc.option(months, { nil: undefined }) }).map((r) => ({ op: "replace" as const, ...r })) },
  { weight: 2, arbitrary: months.map((m) => ({ op: "months" as const, contractMonths: m })) },
  { weight: 1, arbitrary: rate.map((r) => ({ op: "rate" as const, exchangeRate: r })) },
);

export const sequenceCalls: fc.Arbitrary<SequenceCall> = fc
  .record({
    caller: fc.constantFrom<CallerName>("alice-key", "bob-key", "admin-key", "manager-key", "bob-session", "admin-session"),
    currency: fc.constantFrom("USD", "USD", "GBP", "EUR"),
    contractMonths: months,
    lineItems: fc.oneof({ weight: 3, arbitrary: fc.constant<LineBody[]>([]) }, { weight: 1, arbitrary: fc.array(line, { minLength: 1, maxLength: 3 }) }),
    steps: fc.array(step, { minLength: 2, maxLength: 7 }),
  })
  .map(({ caller, steps, ...deal }) => ({ kind: "sequence" as const, target: SEQUENCE_TARGET, caller, deal, steps, mutation: `${steps.length} steps` }));

/** What a sequence knows between its steps: the deal and its lines' ids, in order. */
export interface SequenceState {
  dealId: string;
  lineIds: string[];
}

function routeCall(caller: CallerName, ep: Endpoint, path: string, body: unknown, mutation: string): RouteCall {
  const method = ep.method.toUpperCase();
  return {
    kind: "route", target: `${method} ${ep.path}`, endpoint: ep, caller, method, path: `/api/v1${path}`,
    headers: body === undefined ? {} : { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), mutation,
  };
}

/** The call that creates the sequence's deal. */
export function createCall(seq: SequenceCall, stageId: string): RouteCall {
  const { currency, contractMonths, lineItems } = seq.deal;
  const body = { title: "Sequence deal", stageId, currency, contractMonths, ...(lineItems.length ? { lineItems } : {}) };
  return routeCall(seq.caller, createOpportunity, "/opportunities", body, "sequence: create");
}

export const listCall = (seq: SequenceCall, state: SequenceState) => routeCall(seq.caller, listLineItems, `/opportunities/${state.dealId}/line-items`, undefined, "sequence: read lines");

/** A step as a call against the deal as it is now, or null when it needs a line and there is none. */
export function stepCall(seq: SequenceCall, index: number, state: SequenceState): RouteCall | null {
  const s = seq.steps[index];
  const deal = `/opportunities/${state.dealId}`;
  const mutation = `sequence step ${index + 1}/${seq.steps.length}: ${s.op}`;
  switch (s.op) {
    case "add":
      return routeCall(seq.caller, createLineItem, `${deal}/line-items`, s.line, mutation);
    case "edit": {
      if (!state.lineIds.length) return null;
      return routeCall(seq.caller, updateLineItem, `${deal}/line-items/${state.lineIds[s.pick % state.lineIds.length]}`, s.patch, mutation);
    }
    case "replace": {
      const kept = state.lineIds.slice(0, state.lineIds.length ? (s.keep % state.lineIds.length) + 1 : 0);
      // A kept line is sent whole, as the editor does; its values are the current ones only in spirit: the step's first new line.
      const lines = [...kept.map((id) => ({ id, ...(s.add[0] ?? { name: "Kept", quantity: "1", unitPrice: "1.00", discountPercent: "0", billing: "ONE_TIME" as const }) })), ...s.add];
      return routeCall(seq.caller, replaceLineItems, `${deal}/line-items`, { lines, ...(s.contractMonths !== undefined ? { contractMonths: s.contractMonths } : {}) }, mutation);
    }
    case "months":
      return routeCall(seq.caller, updateOpportunity, deal, { contractMonths: s.contractMonths }, mutation);
    case "rate":
      return routeCall(seq.caller, updateOpportunity, deal, { exchangeRate: s.exchangeRate }, mutation);
  }
}

/** The deal's line ids after a successful step's answer. */
export function nextState(call: RouteCall, body: unknown, state: SequenceState): SequenceState {
  const b = body as { id?: string; data?: { id: string }[] };
  if (call.endpoint === createLineItem && b.id) return { ...state, lineIds: [...state.lineIds, b.id] };
  if ((call.endpoint === replaceLineItems || call.endpoint === listLineItems) && b.data) return { ...state, lineIds: b.data.map((l) => l.id) };
  return state;
}
