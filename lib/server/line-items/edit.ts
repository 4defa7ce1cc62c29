// Line by line changes (the REST API's line-items endpoints): add, change,
// delete, reorder. Each is one transaction that ends in finishLineChange, so
// after every one the opportunity's amount is the rules' result and its
// version moved on once.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { isPermutation } from "@/lib/domain/pipeline-rules";
import type { LineItemCreateInput, LineItemUpdateInput, LineItemsReorderInput } from "@/lib/validation/line-items";
import { MAX_LINES } from "@/lib/validation/line-items";
import type { Actor } from "../auth/actor";
import { AppError, notFound, validationError } from "../errors";
import type { LineItemDto, OpportunityAmountsDto } from "./dto";
import { lockForLineChange } from "./lock";
import { finishLineChange, linesOf } from "./recompute";
import { fieldsOf, LineProblems, loadProducts, resolveLine } from "./resolve";

export interface LineItemChange {
  lineItem: LineItemDto;
  opportunity: OpportunityAmountsDto;
}

export function addLineItem(actor: Actor, opportunityId: string, input: LineItemCreateInput): Promise<LineItemChange> {
  return prisma().$transaction(async (tx) => {
    const current = await lockForLineChange(tx, actor, opportunityId, input.version);
    const existing = await linesOf(tx, opportunityId);
    if (existing.length >= MAX_LINES) throw new AppError("VALIDATION", `An opportunity has at most ${MAX_LINES} line items`, { _root: `At most ${MAX_LINES} lines` });
    const { version: _v, position, ...patch } = input;
    const problems = new LineProblems();
    const line = resolveLine(patch, null, await loadProducts(tx, [patch.productId]), current, "", problems);
    problems.throwIfAny();
    const created = await tx.lineItem.create({ data: { ...line!, opportunityId, position: existing.length } });
    const order = existing.map((l) => l.id);
    order.splice(Math.min(position ?? order.length, order.length), 0, created.id);
    const result = await finishLineChange(tx, actor, current, { order });
    return { lineItem: result.data.find((l) => l.id === created.id)!, opportunity: result.opportunity };
  });
}

async function ownLine(tx: Pick<Prisma.TransactionClient, "lineItem">, opportunityId: string, lineId: string) {
  const line = await tx.lineItem.findFirst({ where: { id: lineId, opportunityId } });
  if (!line) throw notFound("Line item");
  return line;
}

export function updateLineItem(actor: Actor, opportunityId: string, lineId: string, input: LineItemUpdateInput): Promise<LineItemChange> {
  return prisma().$transaction(async (tx) => {
    const current = await lockForLineChange(tx, actor, opportunityId, input.version);
    const before = await ownLine(tx, opportunityId, lineId);
    const { version: _v, ...patch } = input;
    const problems = new LineProblems();
    const line = resolveLine(patch, fieldsOf(before), await loadProducts(tx, [patch.productId]), current, "", problems);
    problems.throwIfAny();
    await tx.lineItem.update({ where: { id: lineId }, data: line! });
    const result = await finishLineChange(tx, actor, current);
    return { lineItem: result.data.find((l) => l.id === lineId)!, opportunity: result.opportunity };
  });
}

export function deleteLineItem(actor: Actor, opportunityId: string, lineId: string, version?: number): Promise<{ id: string; deleted: true; opportunity: OpportunityAmountsDto }> {
  return prisma().$transaction(async (tx) => {
    const current = await lockForLineChange(tx, actor, opportunityId, version);
    await ownLine(tx, opportunityId, lineId);
    await tx.lineItem.delete({ where: { id: lineId } });
    const result = await finishLineChange(tx, actor, current);
    return { id: lineId, deleted: true as const, opportunity: result.opportunity };
  });
}

export function reorderLineItems(actor: Actor, opportunityId: string, input: LineItemsReorderInput) {
  return prisma().$transaction(async (tx) => {
    const current = await lockForLineChange(tx, actor, opportunityId, input.version);
    const existing = await linesOf(tx, opportunityId);
    if (!isPermutation(existing.map((l) => l.id), input.ids)) {
      throw validationError({ ids: "Send every line item id of this opportunity exactly once" }, "The line items changed meanwhile; read them again");
    }
    return finishLineChange(tx, actor, current, { order: input.ids });
  });
}
