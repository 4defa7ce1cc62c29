import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, Pencil } from "lucide-react";
import { DeleteContact } from "@/components/contacts/delete-contact";
import { buttonClass } from "@/components/ui/button";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/domain/money";
import { requireActor } from "@/lib/server/auth/session";
import { getContactDetail } from "@/lib/server/contacts/list";
import { forPage } from "@/lib/server/page";

export const metadata: Metadata = { title: "Contact" };

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const d = await forPage(getContactDetail(actor, id));
  const c = d.contact;
  const name = `${c.firstName} ${c.lastName}`;
  return (
    <>
      <header className="border-b border-border bg-surface px-8 pb-5 pt-4">
        <Link href="/contacts" className="inline-flex items-center gap-1 text-xs font-medium text-muted hover:text-text"><ChevronLeft className="size-3.5" aria-hidden="true" /> Contacts</Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-xl font-semibold tracking-tight">{name}</h1>
            <p className="mt-1 text-sm text-muted">
              {c.jobTitle}
              {c.jobTitle && d.accountName ? " at " : ""}
              {c.accountId && d.accountName ? <Link href={`/accounts/${c.accountId}`} className="hover:text-text hover:underline">{d.accountName}</Link> : null}
            </p>
          </div>
          <div className="flex items-center gap-2">
            <DeleteContact id={c.id} name={name} />
            <Link href={`/contacts/${c.id}/edit`} className={buttonClass("secondary")}><Pencil className="size-4" aria-hidden="true" /> Edit</Link>
          </div>
        </div>
        <dl className="mt-4 flex flex-wrap gap-x-8 gap-y-2 text-sm">
          <div><dt className="text-xs text-muted">Email</dt><dd>{c.email ? <a className="text-accent hover:underline" href={`mailto:${c.email}`}>{c.email}</a> : "—"}</dd></div>
          <div><dt className="text-xs text-muted">Phone</dt><dd>{c.phone ?? "—"}</dd></div>
        </dl>
      </header>
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <section className="rounded-xl border border-border bg-surface shadow-sm">
          <h2 className="border-b border-border px-5 py-3 text-sm font-semibold">Opportunities ({d.opportunities.length})</h2>
          {d.opportunities.length ? (
            <ul className="divide-y divide-border text-sm">
              {d.opportunities.map((o) => (
                <li key={o.id} className="flex items-center justify-between gap-3 px-5 py-2.5">
                  <span>
                    <Link href={`/opportunities/${o.id}`} className="font-medium hover:text-accent hover:underline">{o.title}</Link>
                    <span className="ml-2 text-xs text-muted">{o.stageName}</span>
                    {o.isPrimary ? <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-700 dark:bg-amber-950 dark:text-amber-300">Primary</span> : null}
                  </span>
                  <span className="flex items-center gap-3">
                    {o.status !== "OPEN" ? <StatusBadge status={o.status} /> : null}
                    <span className="tabular">{formatMoney(o.amount, o.currency)}</span>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-5 py-8 text-center text-sm text-muted">Not on any opportunity you can see.</p>
          )}
        </section>
      </div>
    </>
  );
}
