// An opportunity's stage history for the API (the timeline page shows more).
import { prisma } from "@/lib/db";
import type { Actor } from "../../auth/actor";
import { notFound } from "../../errors";
import { isoTimestamp } from "../../serialize";
import { visibleById } from "../read/get";

export interface StageChangeDto {
  id: string;
  fromStageId: string | null;
  toStageId: string | null;
  fromStatus: "OPEN" | "WON" | "LOST" | null;
  toStatus: "OPEN" | "WON" | "LOST";
  changedAt: string;
  changedById: string | null;
}

export async function stageHistory(actor: Actor, opportunityId: string): Promise<StageChangeDto[]> {
  const visible = await prisma().opportunity.findFirst({ where: visibleById(actor, opportunityId), select: { id: true } });
  if (!visible) throw notFound("Opportunity");
  const rows = await prisma().stageChange.findMany({
    where: { opportunityId },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
    select: { id: true, fromStageId: true, toStageId: true, fromStatus: true, toStatus: true, changedAt: true, changedById: true },
  });
  return rows.map((r) => ({ ...r, changedAt: isoTimestamp(r.changedAt)! }));
}
