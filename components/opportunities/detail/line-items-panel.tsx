// The opportunity's line items, read-only (for people who may not edit it).
import { formatMoney } from "@/lib/domain/money";
import type { LineItemDto } from "@/lib/server/line-items/dto";

export function LineItemsPanel({ lines, currency }: { lines: LineItemDto[]; currency: string }) {
  if (!lines.length) return <p className="text-sm text-muted">No line items.</p>;
  return (
    <div className="relative overflow-x-auto">
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
          {lines.map((l) => (
            <tr key={l.id} data-testid="line-row">
              <td className="py-2 pr-3">
                {l.name}
                {l.code ? <span className="ml-2 text-xs text-muted">{l.code}</span> : null}
                {l.billing === "MONTHLY" ? <span className="ml-2 rounded bg-surface-muted px-1.5 py-0.5 text-[10px] font-medium uppercase text-muted">monthly</span> : null}
                {l.description ? <span className="block text-xs text-muted">{l.description}</span> : null}
              </td>
              <td className="py-2 pr-3 text-right tabular">{l.quantity} {l.unit}</td>
              <td className="py-2 pr-3 text-right tabular">{formatMoney(l.unitPrice, currency)}</td>
              <td className="py-2 pr-3 text-right tabular">{l.discountPercent === "0" ? "—" : `${l.discountPercent}%`}</td>
              <td className="py-2 text-right font-medium tabular">{formatMoney(l.total, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
