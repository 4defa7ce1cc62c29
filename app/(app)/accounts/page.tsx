import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { DirectoryTabs } from "@/components/accounts/directory-tabs";
import { SearchBox } from "@/components/accounts/search-box";
import { SimplePagination } from "@/components/accounts/simple-pagination";
import { buttonClass } from "@/components/forms/styles";
import { PageHeader } from "@/components/ui/page-header";
import { listAccounts } from "@/lib/server/accounts/list";
import { requireActor } from "@/lib/server/auth/session";
import { searchSchema } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Accounts" };

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const p = await searchParams;
  const input = searchSchema.parse({ q: p.q ?? "", page: p.page ?? 1, limit: 25 });
  const data = await listAccounts(actor, input);
  return (
    <>
      <PageHeader
        title="Accounts"
        description="The companies you sell to"
        actions={<Link href="/accounts/new" className={buttonClass("primary")}><Plus className="size-4" aria-hidden="true" /> New account</Link>}
      />
      <DirectoryTabs current="accounts" />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <div className="mb-4"><SearchBox initial={input.q} placeholder="Search name, industry or city" /></div>
        <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-sm">
          <table className="w-full min-w-[760px] text-sm" data-testid="account-table">
            <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-medium uppercase tracking-wide text-muted">
              <tr>
                <th className="px-4 py-2.5 font-medium">Account</th>
                <th className="px-4 py-2.5 font-medium">Industry</th>
                <th className="px-4 py-2.5 font-medium">Location</th>
                <th className="px-4 py-2.5 font-medium">Owner</th>
                <th className="px-4 py-2.5 text-right font-medium">Open deals</th>
                <th className="px-4 py-2.5 text-right font-medium">Contacts</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.rows.length === 0 ? (
                <tr><td colSpan={6} className="px-4 py-16 text-center text-muted">{input.q ? "No accounts match your search." : "No accounts yet."}</td></tr>
              ) : (
                data.rows.map((a) => (
                  <tr key={a.id} className="hover:bg-surface-muted/50" data-testid="account-row">
                    <td className="px-4 py-3 font-medium"><Link href={`/accounts/${a.id}`} className="hover:text-accent hover:underline">{a.name}</Link></td>
                    <td className="px-4 py-3 text-muted">{a.industry ?? "—"}</td>
                    <td className="px-4 py-3 text-muted">{[a.city, a.country].filter(Boolean).join(", ") || "—"}</td>
                    <td className="px-4 py-3">{a.ownerName ?? "—"}</td>
                    <td className="px-4 py-3 text-right tabular">{a.openOpportunities}</td>
                    <td className="px-4 py-3 text-right tabular">{a.contacts}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <SimplePagination base="/accounts" q={input.q} page={data.page} pageCount={data.pageCount} total={data.total} />
      </div>
    </>
  );
}
