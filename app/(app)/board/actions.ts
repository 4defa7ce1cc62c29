"use server";

import { serverAction } from "@/lib/server/action";
import { moveOpportunity } from "@/lib/server/opportunities/move";
import { moveOpportunitySchema } from "@/lib/validation/move";

export const moveCardAction = serverAction(moveOpportunitySchema, moveOpportunity);
