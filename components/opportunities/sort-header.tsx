import Link from "next/link";
import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import clsx from "clsx";
import type { OpportunitySortField, OpportunityTableQuery } from "@/lib/validation/opportunity-list";
import { tableHref } from "./table-url";

export function SortHeader({
  query,
  field,
  label,
  align = "left",
  prefix,
}: {
  query: OpportunityTableQuery;
  field: OpportunitySortField;
  label: string;
  align?: "left" | "right";
  /** Rendered before the sort link (the table's select-all checkbox). */
  prefix?: React.ReactNode;
}) {
  const active = query.sort === field;
  const nextDir = active ? (query.dir === "asc" ? "desc" : "asc") : field === "createdAt" ? "desc" : "asc";
  const Icon = !active ? ArrowUpDown : query.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      className={clsx("px-4 py-2.5 text-xs font-medium uppercase tracking-wide text-muted", align === "right" ? "text-right" : "text-left")}
    >
      {prefix}
      <Link
        href={tableHref(query, { sort: field, dir: nextDir, page: 1 })}
        className={clsx("inline-flex items-center gap-1 hover:text-text", active && "text-text")}
      >
        {label}
        <Icon className={clsx("size-3.5", !active && "opacity-40")} aria-hidden="true" />
      </Link>
    </th>
  );
}
