"use client";

import { Pencil, Plus } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import type { CurrencyUsageDto } from "@/lib/server/currencies/read";
import { updateCurrencyAction } from "@/lib/actions/currencies";
import { Button, IconButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { TableHead } from "@/components/ui/table-head";
import { useAction } from "@/components/ui/use-action";
import { CurrencyDialog } from "./currency-dialog";

export function CurrencySettings({ currencies }: { currencies: CurrencyUsageDto[] }) {
  const [editing, setEditing] = useState<CurrencyUsageDto | "new" | null>(null);
  const { run } = useAction(updateCurrencyAction, { success: (_d, { code, active }) => `${code} ${active ? "activated" : "deactivated"}` });
  const base = currencies.find((c) => c.isBase)?.code ?? "";
  return (
    <Card
      title={`Base currency: ${base}`}
      description="The base currency is fixed once deals exist: every stored base amount is expressed in it."
      actions={
        <Button variant="primary" size="sm" onClick={() => setEditing("new")}>
          <Plus className="size-4" aria-hidden="true" /> Add currency
        </Button>
      }
    >
      <div className="relative overflow-x-auto"><table className="w-full text-sm" data-testid="currencies-table">
        <TableHead columns={[{ label: "Currency" }, { label: `Rate to ${base}`, right: true }, { label: "Rate date" }, { label: "Open deals", right: true }, { label: "Status" }, { label: "Actions", right: true, hidden: true }]} />
        <tbody className="divide-y divide-border">
          {currencies.map((c) => (
            <tr key={c.code} aria-label={c.code} className={clsx(!c.active && "text-muted")}>
              <td className="px-5 py-3">
                <span className="font-medium">{c.code}</span> <span className="text-muted">· {c.name} ({c.symbol})</span>
                {c.isBase ? <span className="ml-2"><Pill tone="accent">Base</Pill></span> : null}
              </td>
              <td className="px-3 py-3 text-right font-mono tabular">{c.rateToBase}</td>
              <td className="px-3 py-3 text-muted">{c.rateDate}</td>
              <td className="px-3 py-3 text-right tabular">{c.openOpportunities}</td>
              <td className="px-3 py-3">
                {c.isBase ? <Pill tone="success">Active</Pill> : (
                  <button type="button" className="rounded-full" onClick={() => run({ code: c.code, active: !c.active })} aria-label={`${c.active ? "Active" : "Inactive"}: ${c.active ? "deactivate" : "activate"} ${c.code}`}>
                    {c.active ? <Pill tone="success">Active</Pill> : <Pill>Inactive</Pill>}
                  </button>
                )}
              </td>
              <td className="px-5 py-3 text-right">
                <IconButton label={`Edit ${c.code}`} onClick={() => setEditing(c)}>
                  <Pencil className="size-4" aria-hidden="true" />
                </IconButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
      {editing ? <CurrencyDialog currency={editing} base={base} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}
