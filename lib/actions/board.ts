"use server";
// The board's server action: a card dropped on a column.
import { serverAction } from "@/lib/server/action";
import { moveOpportunity } from "@/lib/server/opportunities/move/move";
import { moveOpportunitySchema } from "@/lib/validation/move";

export const moveCardAction = serverAction(moveOpportunitySchema, (actor, input) => moveOpportunity(actor, input));
