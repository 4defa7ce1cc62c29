// The accounts and contacts lists: one page frame (header with its "New"
// button, tabs, search, a table that scrolls on a phone, pagination); each
// list gives its columns and rows.
import Link from "next/link";
import clsx from "clsx";
import { Plus } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { DirectoryTabs } from "./directory-tabs";
import { SearchBox } from "./search-box";
import { SimplePagination } from "./simple-pagination";

export interface DirectoryColumn {
  label: string;
  numeric?: boolean;
}

interface Props {
  kind: "accounts" | "contacts";
  title: string;
  description: string;
  newLabel: string;
  searchPlaceholder: string;
  columns: DirectoryColumn[];
  q: string;
  data: { rows: unknown[]; page: number; pageCount: number; total: number };
  /** The table's rows; shown when `data.rows` is not empty. */
  children: React.ReactNode;
}

export function DirectoryPage({ kind, title, description, newLabel, searchPlaceholder, columns, q, data, children }: Props) {
  const noun = kind === "accounts" ? "accounts" : "contacts";
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={<Link href={`/${kind}/new`} className={buttonClass("primary")}><Plus className="size-4" aria-hidden="true" /> {newLabel}</Link>}
      />
      <DirectoryTabs current={kind} />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <div className="mb-4"><SearchBox initial={q} placeholder={searchPlaceholder} /></div>
        <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-sm">
          <table className="w-full min-w-[760px] text-sm" data-testid={`${kind.slice(0, -1)}-table`}>
            <thead className="border-b border-border bg-surface-muted/60 text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                {columns.map((c) => (
                  <th key={c.label} className={clsx("px-4 py-2.5 font-medium", c.numeric && "text-right")}>{c.label}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.rows.length === 0 ? (
                <tr><td colSpan={columns.length} className="px-4 py-16 text-center text-muted">{q ? `No ${noun} match your search.` : `No ${noun} yet.`}</td></tr>
              ) : (
                children
              )}
            </tbody>
          </table>
        </div>
        <SimplePagination base={`/${kind}`} q={q} page={data.page} pageCount={data.pageCount} total={data.total} />
      </div>
    </>
  );
}
