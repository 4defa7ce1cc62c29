// A CSV row as the input of the entity's own create or update validator: the
// typed cells (lib/domain/import/row.ts), references resolved to ids, then the
// SAME zod schema the form and the API use, so messages are the same. Every
// problem names the column it comes from.
import type { z } from "zod";
import type { ImportEntity, ImportField, ReferenceKind } from "@/lib/domain/import/fields";
import { CUSTOM_PREFIX } from "@/lib/domain/import/fields";
import { historyProblems, readRow, type CellValue } from "@/lib/domain/import/row";
import type { MoneyCell } from "@/lib/domain/import/values";
import { accountCreateSchema, accountUpdateSchema } from "@/lib/validation/account";
import { contactCreateSchema, contactUpdateSchema } from "@/lib/validation/contact";
import type { ImportSettings } from "@/lib/validation/imports";
import { opportunityCreateSchema, opportunityUpdateSchema } from "@/lib/validation/opportunity";
import type { ImportedHistory } from "../opportunities/write/create";
import type { Resolver } from "./references";

export interface RowProblem {
  /** The field key at fault (null: the row as a whole). */
  field: string | null;
  message: string;
  /** A name the database does not know, for the wizard's "resolve" step. */
  unknown?: { kind: ReferenceKind; value: string };
}

export interface BuiltRow {
  /** The validator's output: what the service receives. */
  input: Record<string, unknown>;
  history: ImportedHistory;
  /** Accounts the row will create (dry run) or created. */
  createdAccounts: number;
}

/** Input keys that differ from the field keys. */
const INPUT_KEY: Record<string, string> = { pipeline: "pipelineId", stage: "stageId", owner: "ownerId", account: "accountId", contact: "contacts", source: "sourceId", type: "typeId", lostReason: "lostReasonId" };
const FIELD_OF_INPUT = Object.fromEntries(Object.entries(INPUT_KEY).map(([f, i]) => [i, f]));

/** The field a validator's or service's error path is about ("customFields.region" is "custom:region"). */
export function fieldOfPath(path: string): string {
  const [head, sub] = path.split(".");
  if (head === "customFields" && sub) return `${CUSTOM_PREFIX}${sub}`;
  if (head === "currency") return "currency";
  return FIELD_OF_INPUT[head] ?? head;
}

const SCHEMAS: Record<ImportEntity, { create: z.ZodType; update: z.ZodType }> = {
  opportunity: { create: opportunityCreateSchema, update: opportunityUpdateSchema },
  account: { create: accountCreateSchema, update: accountUpdateSchema },
  contact: { create: contactCreateSchema, update: contactUpdateSchema },
};

const HISTORY = new Set(["createdAt", "stageEnteredAt", "closedAt"]);

/**
 * `forUpdate`: the row updates a record; blank cells then leave its fields as
 * they are (PATCH semantics) and history columns are not applied.
 */
export async function buildRow(
  entity: ImportEntity,
  cells: readonly string[],
  settings: ImportSettings,
  fields: ReadonlyMap<string, ImportField>,
  resolver: Resolver,
  forUpdate: boolean,
  today: string,
): Promise<{ ok: true; row: BuiltRow } | { ok: false; problems: RowProblem[] }> {
  const read = readRow(cells, settings.mapping, fields, settings);
  const problems: RowProblem[] = [...read.problems];
  const raw: Record<string, unknown> = {};
  const history: Record<string, string> = {};
  const custom: Record<string, unknown> = {};
  let createdAccounts = 0;
  let pipelineId: string | undefined;

  // The pipeline first: a stage's name is looked for in it.
  const ordered = [...read.values.entries()].sort(([a], [b]) => (a === "pipeline" ? -1 : b === "pipeline" ? 1 : 0));
  for (const [fieldKey, value] of ordered) {
    const field = fields.get(fieldKey)!;
    if (HISTORY.has(fieldKey)) {
      history[fieldKey] = value as string;
      continue;
    }
    if (fieldKey.startsWith(CUSTOM_PREFIX)) {
      custom[fieldKey.slice(CUSTOM_PREFIX.length)] = value;
      continue;
    }
    if (field.kind === "money") {
      const money = value as MoneyCell;
      raw[fieldKey] = money.amount;
      // A symbol in an amount cell sets the currency, unless a currency column says otherwise.
      if (entity === "opportunity" && fieldKey === "amount" && money.currency) {
        const column = read.values.get("currency");
        if (column && column !== money.currency) problems.push({ field: "amount", message: `The amount is in ${money.currency} but the currency column says ${String(column)}` });
        raw.currency ??= money.currency;
      }
      continue;
    }
    if (field.kind === "labels") {
      const keys: string[] = [];
      const unknown: string[] = [];
      for (const l of value as string[]) {
        const k = resolver.label(l);
        if (k) keys.push(k);
        else unknown.push(l);
      }
      if (unknown.length) problems.push({ field: fieldKey, message: `Unknown label${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}` });
      raw.labels = keys;
      continue;
    }
    if (field.kind === "reference" && field.reference) {
      const resolved = await resolver.resolve(field.reference, value as string, { pipelineId });
      if (!resolved.ok) {
        problems.push({ field: fieldKey, message: resolved.message, ...(resolved.unknown ? { unknown: { kind: field.reference, value: value as string } } : {}) });
        continue;
      }
      if (resolved.created) createdAccounts++;
      if (fieldKey === "pipeline") pipelineId = resolved.id;
      raw[INPUT_KEY[fieldKey] ?? fieldKey] = fieldKey === "contact" ? [{ contactId: resolved.id, isPrimary: true }] : resolved.id;
      continue;
    }
    raw[fieldKey] = value as CellValue;
  }
  if (Object.keys(custom).length) raw.customFields = custom;
  // A stage named without a pipeline column is found in the default pipeline; the pipeline follows the stage.
  if (entity === "opportunity" && !forUpdate) {
    for (const p of historyProblems(history, today)) problems.push(p);
  }

  const schema = forUpdate ? SCHEMAS[entity].update : SCHEMAS[entity].create;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      // A field whose cell was refused already is not reported twice (e.g. a stage not found).
      const field = path ? fieldOfPath(path) : null;
      if (field && problems.some((p) => p.field === field)) continue;
      problems.push({ field, message: issue.message });
    }
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  const toDate = (d: string | undefined) => (d ? new Date(`${d}T00:00:00Z`) : undefined);
  const built: ImportedHistory = forUpdate ? {} : { createdAt: toDate(history.createdAt), stageEnteredAt: toDate(history.stageEnteredAt), closedAt: history.closedAt };
  for (const k of Object.keys(built) as (keyof ImportedHistory)[]) if (built[k] === undefined) delete built[k];
  return { ok: true, row: { input: parsed.data as Record<string, unknown>, history: built, createdAccounts } };
}
