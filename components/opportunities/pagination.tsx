import Link from "next/link";
import clsx from "clsx";
import { PAGE_SIZES, type OpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { tableHref } from "./table-url";

export function Pagination({ query, page, pageCount, total }: { query: OpportunityTableQuery; page: number; pageCount: number; total: number }) {
  const first = total === 0 ? 0 : (page - 1) * query.pageSize + 1;
  const last = Math.min(total, page * query.pageSize);
  const linkClass = (disabled: boolean) =>
    clsx(
      "rounded-md border border-border px-3 py-1.5 text-sm font-medium",
      disabled ? "pointer-events-none opacity-40" : "bg-surface hover:bg-surface-muted",
    );
  return (
    <nav aria-label="Pagination" className="flex flex-wrap items-center justify-between gap-3 px-1 py-3 text-sm text-muted">
      <p>
        Showing <span className="font-medium text-text tabular">{first}</span>–<span className="font-medium text-text tabular">{last}</span> of{" "}
        <span className="font-medium text-text tabular">{total}</span>
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="mr-1">Rows:</span>
        {PAGE_SIZES.map((size) => (
          <Link
            key={size}
            href={tableHref(query, { pageSize: size, page: 1 })}
            aria-current={size === query.pageSize ? "true" : undefined}
            className={clsx("rounded px-1.5 py-0.5", size === query.pageSize ? "bg-accent-soft font-semibold text-accent" : "hover:text-text")}
          >
            {size}
          </Link>
        ))}
        <span className="mx-2 hidden h-4 w-px bg-border sm:inline-block" />
        <Link href={tableHref(query, { page: page - 1 })} aria-disabled={page <= 1} className={linkClass(page <= 1)}>
          Previous
        </Link>
        <span className="tabular">
          Page {page} of {pageCount}
        </span>
        <Link href={tableHref(query, { page: page + 1 })} aria-disabled={page >= pageCount} className={linkClass(page >= pageCount)}>
          Next
        </Link>
      </div>
    </nav>
  );
}
