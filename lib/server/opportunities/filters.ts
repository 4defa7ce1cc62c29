// The table's filters as a Prisma condition. Always combined with
// visibleOpportunities by the caller; never used on its own.
import type { Prisma } from "@/lib/db/generated/client";
import { customFieldFilter, type OpportunityFilters } from "@/lib/validation/opportunity-list";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function opportunityFilterWhere(f: OpportunityFilters): Prisma.OpportunityWhereInput[] {
  const where: Prisma.OpportunityWhereInput[] = [];
  if (f.pipelineId) where.push({ pipelineId: f.pipelineId });
  if (f.stageId) where.push({ stageId: f.stageId });
  if (f.status) where.push({ status: f.status });
  if (f.ownerId) where.push({ ownerId: f.ownerId });
  if (f.label) where.push({ labels: { has: f.label } });
  if (f.closeFrom || f.closeTo) where.push(closeDateIn(f.closeFrom, f.closeTo));
  if (f.forecastCategory) where.push({ forecastCategory: f.forecastCategory });
  if (f.field) where.push(customFieldIs(f.field));
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

/** A deal's close date is the expected one while open and the actual one once won or lost (as the forecast counts). */
function closeDateIn(from: string | undefined, to: string | undefined): Prisma.OpportunityWhereInput {
  const range: Prisma.DateTimeNullableFilter<"Opportunity"> = {};
  if (from) range.gte = day(from);
  if (to) range.lte = day(to);
  return { OR: [{ status: "OPEN", expectedCloseDate: range }, { status: { in: ["WON", "LOST"] }, actualCloseDate: range }] };
}

/** Custom field values are JSON: match the text, and the number or boolean it spells. */
function customFieldIs(field: string): Prisma.OpportunityWhereInput {
  const { key, value } = customFieldFilter(field);
  const alternatives: Prisma.OpportunityWhereInput[] = [{ customFields: { path: [key], equals: value } }];
  if (value === "true" || value === "false") alternatives.push({ customFields: { path: [key], equals: value === "true" } });
  if (/^-?\d+(\.\d+)?$/.test(value)) alternatives.push({ customFields: { path: [key], equals: Number(value) } });
  return { OR: alternatives };
}
