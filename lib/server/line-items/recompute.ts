// The end of every line change, in its transaction: positions 0..n-1 in the
// wanted order, the opportunity's amounts from the rules (or, with no lines
// left, the last amount kept as a manual one), baseAmount at the deal's rate,
// one version bump, and the amount change on the timeline. Amounts that would
// not fit their columns are refused (VALIDATION on amount) and the
// transaction, the line change with it, rolls back.
import type { Prisma } from "@/lib/db/generated/client";
import { resolveDealMoney } from "@/lib/domain/deal-amount";
import { amountsFromLines } from "@/lib/domain/line-items";
import type { Actor } from "../auth/actor";
import { checkedBaseAmount } from "../opportunities/write/base-amount";
import { loadOpportunityDto } from "../opportunities/read/get";
import { recordFieldChanges, trackedValues } from "../opportunities/history/field-changes";
import { toAmountsDto, toLineItemDto, type LineItemsDto } from "./dto";
import { recordLineChange } from "./events";
import type { LockedDeal } from "./lock";

export type StoredLine = Awaited<ReturnType<typeof linesOf>>[number];

type Tx = Prisma.TransactionClient;

/** A deal's lines in their order (ids break ties of a position, which never last past a change). */
export const LINE_ORDER = [{ position: "asc" }, { id: "asc" }] satisfies Prisma.LineItemOrderByWithRelationInput[];

export const linesOf = (tx: Pick<Tx, "lineItem">, opportunityId: string) => tx.lineItem.findMany({ where: { opportunityId }, orderBy: LINE_ORDER });

export async function finishLineChange(
  tx: Tx,
  actor: Actor,
  current: LockedDeal,
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
  // With no lines left the last amounts stay, as manual ones (a months change then follows the manual rule).
  const money = lines.length ? amountsFromLines(lines, contractMonths) : keptAmounts(current, contractMonths);
  const baseAmount = checkedBaseAmount(money.amount, current.exchangeRate.toString());
  const updated = await tx.opportunity.update({
    where: { id: current.id },
    data: { amount: money.amount, oneTimeAmount: money.oneTimeAmount, recurringAmount: money.recurringAmount, baseAmount, contractMonths, version: { increment: 1 } },
  });
  const now = new Date();
  await recordFieldChanges(tx, current.id, actor.id, trackedValues(current), trackedValues(updated), now);
  const data = (await linesOf(tx, current.id)).map(toLineItemDto);
  await recordLineChange(tx, actor, current.id, current.before, data, now);
  return { data, opportunity: toAmountsDto(await loadOpportunityDto(current.id, tx), lines.length) };
}

function keptAmounts(current: LockedDeal, contractMonths: number | null) {
  const stored = { amount: current.amount.toFixed(2), oneTimeAmount: current.oneTimeAmount.toFixed(2), recurringAmount: current.recurringAmount.toFixed(2), contractMonths: current.contractMonths };
  const kept = resolveDealMoney(stored, { contractMonths });
  return kept.ok ? kept.value : stored;
}
