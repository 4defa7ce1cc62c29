"use server";
// Thin server actions for opportunities: parse with the shared schema, call one service.
import { z } from "zod";
import { serverAction } from "@/lib/server/action";
import { createOpportunity } from "@/lib/server/opportunities/create";
import { deleteOpportunity } from "@/lib/server/opportunities/delete";
import { getOpportunity } from "@/lib/server/opportunities/get";
import { updateOpportunity } from "@/lib/server/opportunities/update";
import { bulkChangeOpportunities, bulkDeleteOpportunities } from "@/lib/server/opportunities/bulk";
import { opportunityCreateWithLinesSchema } from "@/lib/validation/line-items";
import {
  opportunityBulkDeleteSchema,
  opportunityBulkSchema,
  opportunityDeleteSchema,
  opportunityIdSchema,
  opportunityUpdateActionSchema,
} from "@/lib/validation/opportunity";

const create = serverAction(opportunityCreateWithLinesSchema, createOpportunity);
const update = serverAction(opportunityUpdateActionSchema, (actor, input) => updateOpportunity(actor, input.id, input.changes));
const get = serverAction(opportunityIdSchema, (actor, input) => getOpportunity(actor, input.id));
const remove = serverAction(opportunityDeleteSchema, (actor, input) => deleteOpportunity(actor, input.id, input.version));
const bulk = serverAction(opportunityBulkSchema, bulkChangeOpportunities);
const bulkDelete = serverAction(opportunityBulkDeleteSchema, bulkDeleteOpportunities);

export async function createOpportunityAction(input: z.input<typeof opportunityCreateWithLinesSchema>) {
  return create(input);
}
export async function updateOpportunityAction(input: z.input<typeof opportunityUpdateActionSchema>) {
  return update(input);
}
export async function getOpportunityAction(input: z.input<typeof opportunityIdSchema>) {
  return get(input);
}
export async function deleteOpportunityAction(input: z.input<typeof opportunityDeleteSchema>) {
  return remove(input);
}
export async function bulkChangeOpportunitiesAction(input: z.input<typeof opportunityBulkSchema>) {
  return bulk(input);
}
export async function bulkDeleteOpportunitiesAction(input: z.input<typeof opportunityBulkDeleteSchema>) {
  return bulkDelete(input);
}
