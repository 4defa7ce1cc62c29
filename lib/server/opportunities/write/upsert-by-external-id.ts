// PUT /opportunities/by-external-id/{externalId}: integrations that sync from
// elsewhere create the opportunity the first time and update it afterwards.
import { prisma } from "@/lib/db";
import type { OpportunityCreateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../../auth/actor";
import { AppError } from "../../errors";
import { visibleOpportunities } from "../../visibility";
import { createOpportunity } from "./create";
import type { OpportunityDto } from "../read/dto";
import { updateOpportunity } from "./update";

export async function upsertOpportunityByExternalId(
  actor: Actor,
  externalId: string,
  input: OpportunityCreateInput,
): Promise<{ created: boolean; opportunity: OpportunityDto }> {
  if (input.externalId !== undefined && input.externalId !== null && input.externalId !== externalId) {
    throw new AppError("VALIDATION", "externalId differs from the one in the path", { externalId: "Must match the path, or be left out" });
  }
  const existing = await prisma().opportunity.findUnique({ where: { externalId }, select: { id: true } });
  if (!existing) {
    try {
      return { created: true, opportunity: await createOpportunity(actor, { ...input, externalId }) };
    } catch (error) {
      // Created by a concurrent request between the look-up and the insert: update that one instead.
      if (!(error instanceof AppError && error.code === "CONFLICT")) throw error;
    }
  }
  const row = await prisma().opportunity.findFirst({ where: { AND: [{ externalId }, visibleOpportunities(actor)] }, select: { id: true } });
  // Another user's private opportunity holds this external id: say it is taken, not whose it is.
  if (!row) throw new AppError("CONFLICT", "This externalId belongs to an opportunity you cannot see", { externalId: "Already in use" });
  return { created: false, opportunity: await updateOpportunity(actor, row.id, { ...input, externalId }) };
}
