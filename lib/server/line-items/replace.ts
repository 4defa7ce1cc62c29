// The editor's save: all lines at once (kept by id, created without one,
// deleted when left out), in the order sent, with the contract months, in
// one transaction and one version bump.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import type { LineDraftInput, LineItemsReplaceInput } from "@/lib/validation/line-items";
import type { Actor } from "../auth/actor";
import type { LineItemsDto } from "./dto";
import { lockForLineChange } from "./lock";
import { finishLineChange, linesOf, type StoredLine } from "./recompute";
import { fieldsOf, LineProblems, loadProducts, resolveLine, type Deal, type ResolvedLine } from "./resolve";

type Tx = Prisma.TransactionClient;

/**
 * Checks and completes drafts against the deal; `existing` are the deal's
 * stored lines (a draft's id must be one of them). Throws one VALIDATION
 * naming `<prefix><index>.<field>` for every problem.
 */
export async function resolveDrafts(
  tx: Tx,
  drafts: LineDraftInput[],
  deal: Deal & { contractMonths: number | null },
  existing: StoredLine[],
  prefix: string,
): Promise<ResolvedLine[]> {
  const products = await loadProducts(tx, drafts.map((d) => d.productId));
  const problems = new LineProblems();
  const byId = new Map(existing.map((l) => [l.id, l]));
  const lines = drafts.map(({ id, ...draft }, i) => {
    const stored = id ? byId.get(id) : undefined;
    if (id && !stored) problems.add(`${prefix}${i}.id`, "Not a line item of this opportunity");
    // The draft is the whole line; the stored one only tells whether the product link is new.
    const base = stored ? { productId: stored.productId } : null;
    return resolveLine(draft, base, products, deal, `${prefix}${i}.`, problems);
  });
  problems.throwIfAny();
  // What the lines add up to is checked where the amount is written (checkedBaseAmount).
  return lines as ResolvedLine[];
}

export function replaceLineItems(actor: Actor, opportunityId: string, input: LineItemsReplaceInput): Promise<LineItemsDto> {
  return prisma().$transaction(async (tx) => {
    const current = await lockForLineChange(tx, actor, opportunityId, input.version);
    const existing = await linesOf(tx, opportunityId);
    const contractMonths = input.contractMonths === undefined ? current.contractMonths : input.contractMonths;
    const resolved = await resolveDrafts(tx, input.lines, { ...current, contractMonths }, existing, "lines.");
    const kept = new Set(input.lines.flatMap((l) => (l.id ? [l.id] : [])));
    await tx.lineItem.deleteMany({ where: { opportunityId, id: { notIn: [...kept] } } });
    const order: string[] = [];
    for (const [i, line] of resolved.entries()) {
      const id = input.lines[i].id;
      if (id) {
        const stored = existing.find((l) => l.id === id)!;
        const before = fieldsOf(stored);
        if ((Object.keys(before) as (keyof typeof before)[]).some((k) => String(before[k]) !== String(line[k]))) {
          await tx.lineItem.update({ where: { id }, data: line });
        }
        order.push(id);
      } else {
        order.push((await tx.lineItem.create({ data: { ...line, opportunityId, position: i }, select: { id: true } })).id);
      }
    }
    return finishLineChange(tx, actor, current, { order, contractMonths });
  });
}
