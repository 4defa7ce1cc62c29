// The table's filters as a Prisma condition. Always combined with
// visibleOpportunities by the caller; never used on its own.
import type { Prisma } from "@/lib/db/generated/client";
import type { OpportunityFilters } from "@/lib/validation/opportunity-list";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function opportunityFilterWhere(f: OpportunityFilters): Prisma.OpportunityWhereInput[] {
  const where: Prisma.OpportunityWhereInput[] = [];
  if (f.pipelineId) where.push({ pipelineId: f.pipelineId });
  if (f.stageId) where.push({ stageId: f.stageId });
  if (f.status) where.push({ status: f.status });
  if (f.ownerId) where.push({ ownerId: f.ownerId });
  if (f.label) where.push({ labels: { has: f.label } });
  if (f.closeFrom) where.push({ expectedCloseDate: { gte: day(f.closeFrom) } });
  if (f.closeTo) where.push({ expectedCloseDate: { lte: day(f.closeTo) } });
  if (f.q) {
    where.push({
      OR: [
        { title: { contains: f.q, mode: "insensitive" } },
        { account: { name: { contains: f.q, mode: "insensitive" } } },
        { externalId: { equals: f.q } },
      ],
    });
  }
  return where;
}
