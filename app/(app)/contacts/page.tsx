import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { DirectoryTabs } from "@/components/accounts/directory-tabs";
import { SearchBox } from "@/components/accounts/search-box";
import { SimplePagination } from "@/components/accounts/simple-pagination";
import { buttonClass } from "@/components/forms/styles";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { listContacts } from "@/lib/server/contacts/list";
import { searchSchema } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const p = await searchParams;
  const input = searchSchema.parse({ q: p.q ?? "", page: p.page ?? 1, limit: 25 });
  const data = await listContacts(actor, input);
  return (
    <>
      <PageHeader
        title="Contacts"
        description="The people you deal with"
        actions={<Link href="/contacts/new" className={buttonClass("primary")}><Plus className="size-4" aria-hidden="true" /> New contact</Link>}
      />
      <DirectoryTabs current="contacts" />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <div className="mb-4"><SearchBox initial={input.q} placeholder="Search name, email or company" /></div>
        <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-sm">
          <table className="w-full min-w-[760px] text-sm" data-testid="contact-table">
            <thead className="border-b border-border bg-surface-muted/60 text-left text-xs uppercase tracking-wide text-muted">
              <tr>
                <th className="px-4 py-2.5 font-medium">Name</th>
                <th className="px-4 py-2.5 font-medium">Job title</th>
                <th className="px-4 py-2.5 font-medium">Account</th>
                <th className="px-4 py-2.5 font-medium">Email</th>
                <th className="px-4 py-2.5 font-medium">Phone</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {data.rows.length === 0 ? (
                <tr><td colSpan={5} className="px-4 py-16 text-center text-muted">{input.q ? "No contacts match your search." : "No contacts yet."}</td></tr>
              ) : (
                data.rows.map((c) => (
                  <tr key={c.id} className="hover:bg-surface-muted/50" data-testid="contact-row">
                    <td className="px-4 py-3 font-medium"><Link href={`/contacts/${c.id}`} className="hover:text-accent hover:underline">{c.name}</Link></td>
                    <td className="px-4 py-3 text-muted">{c.jobTitle ?? "—"}</td>
                    <td className="px-4 py-3">{c.accountId ? <Link href={`/accounts/${c.accountId}`} className="hover:underline">{c.accountName}</Link> : "—"}</td>
                    <td className="px-4 py-3 text-muted">{c.email ? <a href={`mailto:${c.email}`} className="hover:underline">{c.email}</a> : "—"}</td>
                    <td className="px-4 py-3 text-muted">{c.phone ?? "—"}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
        <SimplePagination base="/contacts" q={input.q} page={data.page} pageCount={data.pageCount} total={data.total} />
      </div>
    </>
  );
}
