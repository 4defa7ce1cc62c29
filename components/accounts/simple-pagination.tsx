// Previous / next for the directory lists, keeping the search text.
import Link from "next/link";
import clsx from "clsx";

export function SimplePagination({ base, q, page, pageCount, total }: { base: string; q: string; page: number; pageCount: number; total: number }) {
  const href = (p: number) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  const cls = (disabled: boolean) => clsx("rounded-md border border-border px-3 py-1.5 text-sm font-medium", disabled ? "pointer-events-none opacity-40" : "bg-surface hover:bg-surface-muted");
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between px-1 py-3 text-sm text-muted">
      <p><span className="font-medium text-text tabular">{total}</span> in total</p>
      <div className="flex items-center gap-2">
        <Link href={href(page - 1)} aria-disabled={page <= 1} className={cls(page <= 1)}>Previous</Link>
        <span className="tabular">Page {page} of {pageCount}</span>
        <Link href={href(page + 1)} aria-disabled={page >= pageCount} className={cls(page >= pageCount)}>Next</Link>
      </div>
    </nav>
  );
}
