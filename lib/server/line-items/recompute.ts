// The end of every line change, in its transaction: positions 0..n-1 in the
// wanted order, the opportunity's amounts from the rules (or, with no lines
// left, the last amount kept as a manual one), baseAmount at the deal's rate,
// one version bump, and the amount change on the timeline.
import type { Prisma } from "@/lib/db/generated/client";
import { amountsFromLines } from "@/lib/domain/line-items";
import { toBaseAmount } from "@/lib/domain/money";
import type { Actor } from "../auth/actor";
import { opportunityDtoInclude, toOpportunityDto, type OpportunityRowWithRelations } from "../opportunities/dto";
import { recordFieldChanges, trackedValues } from "../opportunities/field-changes";
import { toAmountsDto, toLineItemDto, type LineItemsDto } from "./dto";

export type StoredLine = Awaited<ReturnType<typeof linesOf>>[number];

type Tx = Prisma.TransactionClient;

/** A deal's lines in their order (ids break ties of a position, which never last past a change). */
export const LINE_ORDER = [{ position: "asc" }, { id: "asc" }] satisfies Prisma.LineItemOrderByWithRelationInput[];

export const linesOf = (tx: Pick<Tx, "lineItem">, opportunityId: string) => tx.lineItem.findMany({ where: { opportunityId }, orderBy: LINE_ORDER });

export async function finishLineChange(
  tx: Tx,
  actor: Actor,
  current: OpportunityRowWithRelations,
  options: { order?: string[]; contractMonths?: number | null } = {},
): Promise<LineItemsDto> {
  let lines = await linesOf(tx, current.id);
  if (options.order) {
    const at = new Map(options.order.map((id, i) => [id, i]));
    lines = [...lines].sort((a, b) => (at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity));
  }
  for (const [i, line] of lines.entries()) {
    if (line.position !== i) {
      await tx.lineItem.update({ where: { id: line.id }, data: { position: i } });
      line.position = i;
    }
  }
  const contractMonths = options.contractMonths === undefined ? current.contractMonths : options.contractMonths;
  const derived = lines.length ? amountsFromLines(lines, contractMonths) : null;
  const amount = derived?.amount ?? current.amount.toFixed(2);
  const updated = await tx.opportunity.update({
    where: { id: current.id },
    data: {
      amount,
      recurringAmount: derived?.recurringAmount ?? current.recurringAmount,
      baseAmount: toBaseAmount(amount, current.exchangeRate.toString()),
      contractMonths,
      version: { increment: 1 },
    },
    include: opportunityDtoInclude,
  });
  await recordFieldChanges(tx, current.id, actor.id, trackedValues(current), trackedValues(updated), new Date());
  return { data: lines.map(toLineItemDto), opportunity: toAmountsDto(toOpportunityDto(updated), lines.length) };
}
