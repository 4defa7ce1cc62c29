// What each opportunity filter means, written as Prisma conditions: the
// reference the one filter compiler (lib/server/opportunities/list/filter-sql.ts)
// is compared with. Prisma's `contains` leaves LIKE's wildcards live, so the
// text is escaped here to match literally.
import type { Prisma } from "@/lib/db/generated/client";
import type { OpportunityFilter } from "@/lib/server/opportunities/list/filter-sql";
import { customFieldFilter } from "@/lib/validation/opportunity-list";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function filterReference(f: OpportunityFilter): Prisma.OpportunityWhereInput[] {
  const where: Prisma.OpportunityWhereInput[] = [];
  if (f.pipelineId) where.push({ pipelineId: f.pipelineId });
  if (f.stageId) where.push({ stageId: f.stageId });
  if (f.status) where.push({ status: f.status });
  if (f.ownerId) where.push({ ownerId: f.ownerId });
  if (f.assigneeId) where.push({ assigneeId: f.assigneeId });
  if (f.accountId) where.push({ accountId: f.accountId });
  if (f.labels?.length) where.push({ labels: { hasSome: [...f.labels] } });
  if (f.closeFrom || f.closeTo) {
    const range = { ...(f.closeFrom ? { gte: day(f.closeFrom) } : {}), ...(f.closeTo ? { lte: day(f.closeTo) } : {}) };
    where.push({ OR: [{ status: "OPEN", expectedCloseDate: range }, { status: { in: ["WON", "LOST"] }, actualCloseDate: range }] });
  }
  if (f.expectedCloseFrom) where.push({ expectedCloseDate: { gte: day(f.expectedCloseFrom) } });
  if (f.expectedCloseTo) where.push({ expectedCloseDate: { lte: day(f.expectedCloseTo) } });
  if (f.updatedSince) where.push({ updatedAt: { gte: new Date(f.updatedSince) } });
  if (f.forecastCategory) where.push({ forecastCategory: f.forecastCategory });
  if (f.field) {
    const { key, value } = customFieldFilter(f.field);
    const values: Prisma.InputJsonValue[] = [value, ...(value === "true" || value === "false" ? [value === "true"] : []), ...(/^-?\d+(\.\d+)?$/.test(value) ? [Number(value)] : [])];
    where.push({ OR: values.map((equals) => ({ customFields: { path: [key], equals } })) });
  }
  if (f.q) {
    const contains = { contains: f.q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" as const };
    where.push({
      OR: [
        { title: contains },
        { externalId: f.q },
        { account: { name: contains } },
        { contacts: { some: { contact: { OR: [{ firstName: contains }, { lastName: contains }, { email: contains }] } } } },
      ],
    });
  }
  return where;
}
