import Link from "next/link";
import clsx from "clsx";
import type { AuditPage } from "@/lib/server/audit/read";
import { Card } from "@/components/ui/card";
import { TableHead } from "@/components/ui/table-head";

const timeFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

/** The fields whose value differs, as "field: before → after" lines. */
function changes(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const b = (before && typeof before === "object" && !Array.isArray(before) ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" && !Array.isArray(after) ? after : {}) as Record<string, unknown>;
  if (Array.isArray(before) || Array.isArray(after)) return [{ field: "order", from: show(before), to: show(after) }];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, from: k in b ? show(b[k]) : "—", to: k in a ? show(a[k]) : "—" }));
}

export function AuditTable({ page, entity }: { page: AuditPage; entity: string | null }) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const href = (p: number, e: string | null) => `/settings/audit?page=${p}${e ? `&entity=${e}` : ""}`;
  return (
    <Card
      title={`${page.total} entries`}
      actions={
        <nav aria-label="Filter by entity" className="flex flex-wrap gap-1 text-xs">
          {[null, ...page.entities].map((e) => (
            <Link key={e ?? "all"} href={href(1, e)} aria-current={e === entity ? "true" : undefined} className={clsx("rounded-full px-2.5 py-1 ring-1 ring-inset", e === entity ? "bg-accent text-on-accent ring-accent" : "text-muted ring-border hover:text-text")}>
              {e ?? "All"}
            </Link>
          ))}
        </nav>
      }
    >
      <div className="relative overflow-x-auto"><table className="w-full text-sm" data-testid="audit-table">
        <TableHead columns={[{ label: "When (UTC)" }, { label: "Who" }, { label: "Action" }, { label: "What changed" }]} />
        <tbody className="divide-y divide-border">
          {page.entries.length === 0 ? (
            <tr><td colSpan={4} className="px-5 py-10 text-center text-muted">No settings change recorded yet.</td></tr>
          ) : page.entries.map((e) => (
            <tr key={e.id} className="align-top" data-testid="audit-row">
              <td className="whitespace-nowrap px-5 py-3 text-muted tabular">{timeFormat.format(new Date(e.at))}</td>
              <td className="whitespace-nowrap px-3 py-3">{e.actorName ?? "Deleted user"}</td>
              <td className="px-3 py-3"><code className="rounded bg-surface-muted px-1.5 py-0.5 text-xs">{e.action}</code></td>
              <td className="px-5 py-3">
                <ul className="space-y-0.5 text-xs">
                  {changes(e.before, e.after).map((c) => (
                    <li key={c.field} className="break-all">
                      <span className="font-medium">{c.field}</span>: <span className="text-muted line-through decoration-rose-400/60">{c.from}</span> → <span>{c.to}</span>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table></div>
      <div className="flex items-center justify-between border-t border-border px-5 py-3 text-sm text-muted">
        <span>Page {page.page} of {pages}</span>
        <div className="flex gap-2">
          <Link aria-disabled={page.page <= 1} className={clsx("rounded-lg border border-border px-3 py-1.5", page.page <= 1 && "pointer-events-none opacity-50")} href={href(page.page - 1, entity)}>Previous</Link>
          <Link aria-disabled={page.page >= pages} className={clsx("rounded-lg border border-border px-3 py-1.5", page.page >= pages && "pointer-events-none opacity-50")} href={href(page.page + 1, entity)}>Next</Link>
        </div>
      </div>
    </Card>
  );
}
