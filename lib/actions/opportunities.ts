"use server";
// Server actions for opportunities: the form, the detail page and the table's bulk bar.
import { serverAction } from "@/lib/server/action";
import { bulkChangeOpportunities, bulkDeleteOpportunities } from "@/lib/server/opportunities/write/bulk";
import { createOpportunity } from "@/lib/server/opportunities/write/create";
import { deleteOpportunity } from "@/lib/server/opportunities/write/delete";
import { getOpportunity } from "@/lib/server/opportunities/read/get";
import { updateOpportunity } from "@/lib/server/opportunities/write/update";
import { opportunityCreateWithLinesSchema } from "@/lib/validation/line-items";
import {
  opportunityBulkDeleteSchema,
  opportunityBulkSchema,
  opportunityDeleteSchema,
  opportunityIdSchema,
  opportunityUpdateActionSchema,
} from "@/lib/validation/opportunity";

export const createOpportunityAction = serverAction(opportunityCreateWithLinesSchema, (actor, input) => createOpportunity(actor, input));
export const updateOpportunityAction = serverAction(opportunityUpdateActionSchema, (actor, input) => updateOpportunity(actor, input.id, input.changes));
export const getOpportunityAction = serverAction(opportunityIdSchema, (actor, input) => getOpportunity(actor, input.id));
export const deleteOpportunityAction = serverAction(opportunityDeleteSchema, (actor, input) => deleteOpportunity(actor, input.id, input.version));
export const bulkChangeOpportunitiesAction = serverAction(opportunityBulkSchema, (actor, input) => bulkChangeOpportunities(actor, input));
export const bulkDeleteOpportunitiesAction = serverAction(opportunityBulkDeleteSchema, (actor, input) => bulkDeleteOpportunities(actor, input));
