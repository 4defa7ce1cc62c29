// The opportunity's line items, read-only here; the amount is their sum when there are any.
import { formatMoney } from "@/lib/domain/money";
import type { OpportunityDetail } from "@/lib/server/opportunities/detail";

export function LineItemsPanel({ detail }: { detail: OpportunityDetail }) {
  const o = detail.opportunity;
  if (!detail.lineItems.length) return <p className="text-sm text-muted">No line items; the amount is entered directly.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="text-left text-xs uppercase tracking-wide text-muted">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Item</th>
            <th className="py-1.5 pr-3 text-right font-medium">Qty</th>
            <th className="py-1.5 pr-3 text-right font-medium">Unit price</th>
            <th className="py-1.5 pr-3 text-right font-medium">Discount</th>
            <th className="py-1.5 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {detail.lineItems.map((l) => (
            <tr key={l.id}>
              <td className="py-2 pr-3">
                {l.name}
                {l.code ? <span className="ml-2 text-xs text-muted">{l.code}</span> : null}
                {l.billing === "MONTHLY" ? <span className="ml-2 rounded bg-surface-muted px-1.5 py-0.5 text-[10px] font-medium uppercase text-muted">monthly</span> : null}
              </td>
              <td className="py-2 pr-3 text-right tabular">{Number(l.quantity).toLocaleString("en-US")} {l.unit}</td>
              <td className="py-2 pr-3 text-right tabular">{formatMoney(l.unitPrice, o.currency)}</td>
              <td className="py-2 pr-3 text-right tabular">{Number(l.discountPercent) ? `${Number(l.discountPercent)}%` : "—"}</td>
              <td className="py-2 text-right font-medium tabular">{formatMoney(l.total, o.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
