"use client";

import { Archive, ArchiveRestore, Download, Pencil, Plus, Trash2, Upload } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import clsx from "clsx";
import { deleteProductAction, updateProductAction } from "@/lib/actions/products";
import { formatMoney } from "@/lib/domain/money";
import type { ProductDto } from "@/lib/server/products/dto";
import { Button, buttonClass, IconButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { inputClass } from "@/components/ui/field";
import { TableHead } from "@/components/ui/table-head";
import { useAction } from "@/components/ui/use-action";
import { ImportDialog } from "./import-dialog";
import { ProductDialog } from "./product-dialog";

interface Filters {
  q?: string | undefined;
  group?: string | undefined;
  status: "active" | "archived" | "all";
}

export function ProductSettings({ products, total, page, pageSize, filters, groups, currencies }: {
  products: ProductDto[];
  total: number;
  page: number;
  pageSize: number;
  filters: Filters;
  groups: string[];
  currencies: string[];
}) {
  const router = useRouter();
  const pathname = usePathname();
  const [editing, setEditing] = useState<ProductDto | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const archive = useAction(updateProductAction, { success: (d) => `${d.code} ${d.active ? "restored" : "archived"}` });
  const remove = useAction(deleteProductAction, { success: (_d, { id }) => `${products.find((p) => p.id === id)?.code ?? "Product"} deleted` });
  const href = (next: Partial<Filters & { page: number }>) => {
    const merged = { ...filters, page: 1, ...next };
    const params = new URLSearchParams();
    if (merged.q) params.set("q", merged.q);
    if (merged.group) params.set("group", merged.group);
    if (merged.status !== "active") params.set("status", merged.status);
    if (merged.page > 1) params.set("page", String(merged.page));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const pageCount = Math.max(1, Math.ceil(total / pageSize));

  return (
    <Card
      title={`${total} ${filters.status === "archived" ? "archived " : ""}product${total === 1 ? "" : "s"}`}
      description="Prices are in each product's own currency; a deal in another currency converts them at the current rates."
      actions={
        <>
          <Button size="sm" onClick={() => setImporting(true)}><Upload className="size-4" aria-hidden="true" /> Import CSV</Button>
          <a href="/settings/products/export" download className={buttonClass("secondary", "sm")}>
            <Download className="size-4" aria-hidden="true" /> Export CSV
          </a>
          <Button variant="primary" size="sm" onClick={() => setEditing("new")}><Plus className="size-4" aria-hidden="true" /> Add product</Button>
        </>
      }
    >
      <form
        role="search"
        className="flex flex-wrap items-center gap-2 border-b border-border px-5 py-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          router.replace(href({ q: String(data.get("q") ?? "").trim() || undefined }));
        }}
      >
        <input name="q" type="search" aria-label="Search products" placeholder="Search code, name or group" defaultValue={filters.q ?? ""} className={clsx(inputClass(false, true), "w-72")} />
        <select aria-label="Group" value={filters.group ?? ""} onChange={(e) => router.replace(href({ group: e.target.value || undefined }))} className={inputClass(false, true)}>
          <option value="">All groups</option>
          {groups.map((g) => <option key={g} value={g}>{g}</option>)}
        </select>
        <select aria-label="Status" value={filters.status} onChange={(e) => router.replace(href({ status: e.target.value as Filters["status"] }))} className={inputClass(false, true)}>
          <option value="active">Active</option>
          <option value="archived">Archived</option>
          <option value="all">All</option>
        </select>
      </form>
      <div className="relative overflow-x-auto">
        <table className="w-full text-sm" data-testid="products-table">
          <TableHead columns={[{ label: "Product" }, { label: "Group" }, { label: "Unit price", right: true }, { label: "Billing" }, { label: "Lines", right: true }, { label: "Status" }, { label: "Actions", right: true, hidden: true }]} />
          <tbody className="divide-y divide-border">
            {products.map((p) => (
              <tr key={p.id} aria-label={p.code} className={clsx(!p.active && "text-muted")}>
                <td className="px-5 py-3">
                  <span className="font-medium">{p.name}</span> <span className="whitespace-nowrap font-mono text-xs text-muted">{p.code}</span>
                  {p.description ? <span className="block max-w-md truncate text-xs text-muted">{p.description}</span> : null}
                </td>
                <td className="px-3 py-3 text-muted">{p.group ?? "—"}</td>
                <td className="whitespace-nowrap px-3 py-3 text-right tabular">
                  {formatMoney(p.unitPrice, p.currency)} <span className="text-xs text-muted">/ {p.unit}</span>
                </td>
                <td className="whitespace-nowrap px-3 py-3">{p.billing === "MONTHLY" ? "Monthly" : "One-time"}</td>
                <td className="px-3 py-3 text-right tabular">{p.lineItemCount}</td>
                <td className="px-3 py-3">{p.active ? <Pill tone="success">Active</Pill> : <Pill>Archived</Pill>}</td>
                <td className="whitespace-nowrap px-5 py-3 text-right">
                  <IconButton label={`Edit ${p.code}`} onClick={() => setEditing(p)}><Pencil className="size-4" aria-hidden="true" /></IconButton>
                  <IconButton
                    label={`${p.active ? "Archive" : "Restore"} ${p.code}`}
                    onClick={() => archive.run({ id: p.id, changes: { active: !p.active, version: p.version } })}
                  >
                    {p.active ? <Archive className="size-4" aria-hidden="true" /> : <ArchiveRestore className="size-4" aria-hidden="true" />}
                  </IconButton>
                  <IconButton
                    label={p.lineItemCount ? `${p.code} is on deals; archive it instead of deleting` : `Delete ${p.code}`}
                    disabled={p.lineItemCount > 0}
                    className="hover:text-danger"
                    onClick={() => window.confirm(`Delete ${p.code} for good?`) && remove.run({ id: p.id })}
                  >
                    <Trash2 className="size-4" aria-hidden="true" />
                  </IconButton>
                </td>
              </tr>
            ))}
            {products.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-5 py-10 text-center text-muted">No products match. {filters.q || filters.group || filters.status !== "active" ? <Link href={pathname} className="text-accent hover:underline">Clear the filters</Link> : null}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-end gap-2 border-t border-border px-5 py-3 text-sm text-muted">
          <Link href={href({ page: page - 1 })} aria-disabled={page <= 1} className={clsx("rounded-md border border-border px-3 py-1.5 font-medium", page <= 1 && "pointer-events-none opacity-40")}>Previous</Link>
          <span className="tabular">Page {page} of {pageCount}</span>
          <Link href={href({ page: page + 1 })} aria-disabled={page >= pageCount} className={clsx("rounded-md border border-border px-3 py-1.5 font-medium", page >= pageCount && "pointer-events-none opacity-40")}>Next</Link>
        </nav>
      ) : null}
      {editing ? <ProductDialog product={editing} currencies={currencies} groups={groups} onClose={() => setEditing(null)} /> : null}
      {importing ? <ImportDialog onClose={() => setImporting(false)} /> : null}
    </Card>
  );
}
