import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, Lock, Pencil, Plus } from "lucide-react";
import { DeleteAccount } from "@/components/accounts/delete-account";
import { buttonClass } from "@/components/ui/button";
import { formatDate } from "@/components/opportunities/format";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatMoney } from "@/lib/domain/money";
import { getAccountDetail } from "@/lib/server/accounts/detail";
import { requireActor } from "@/lib/server/auth/session";
import { forPage } from "@/lib/server/page";
import { opportunityFormOptions } from "@/lib/server/opportunities/form/options";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [d, options] = await Promise.all([
    forPage(getAccountDetail(actor, id)),
    opportunityFormOptions(actor),
  ]);
  const base = options.currencies.find((c) => c.isBase)?.code ?? "USD";
  const a = d.account;
  const facts: [string, React.ReactNode][] = [
    ["Industry", a.industry], ["Segment", a.segment], ["Territory", a.territory],
    ["Website", a.website ? <a className="text-accent hover:underline" href={/^https?:/.test(a.website) ? a.website : `https://${a.website}`} target="_blank" rel="noreferrer">{a.website.replace(/^https?:\/\/(www\.)?/, "")}</a> : null],
    ["Phone", a.phone], ["Location", [a.city, a.country].filter(Boolean).join(", ") || null],
    ["Employees", a.employees?.toLocaleString("en-US")], ["Annual revenue", a.annualRevenue ? formatMoney(a.annualRevenue, base) : null], ["Owner", d.ownerName],
  ];
  return (
    <>
      <header className="border-b border-border bg-surface px-4 pb-5 pt-4 sm:px-8">
        <Link href="/accounts" className="inline-flex items-center gap-1 text-xs font-medium text-muted hover:text-text"><ChevronLeft className="size-3.5" aria-hidden="true" /> Accounts</Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <h1 className="text-xl font-semibold tracking-tight">{a.name}</h1>
          <div className="flex items-center gap-2">
            {d.canDelete ? <DeleteAccount id={a.id} name={a.name} /> : null}
            <Link href={`/accounts/${a.id}/edit`} className={buttonClass("secondary")}><Pencil className="size-4" aria-hidden="true" /> Edit</Link>
            <Link href={`/opportunities/new?accountId=${a.id}`} className={buttonClass("primary")}><Plus className="size-4" aria-hidden="true" /> New opportunity</Link>
          </div>
        </div>
        <dl className="mt-5 grid grid-cols-1 gap-5 sm:grid-cols-3" data-testid="account-totals">
          {(["OPEN", "WON", "LOST"] as const).map((s) => (
            <div key={s} className="rounded-lg border border-border px-4 py-3">
              <dt className="text-xs font-medium uppercase tracking-wide text-muted">{s === "OPEN" ? "Open" : s === "WON" ? "Won" : "Lost"} · {d.totals[s].count}</dt>
              <dd className="mt-1 text-lg font-semibold tabular">{formatMoney(d.totals[s].baseAmount, base)}</dd>
            </div>
          ))}
        </dl>
      </header>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 px-4 py-6 sm:px-8 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section className="rounded-xl border border-border bg-surface shadow-sm" aria-labelledby="opps-title">
          <h2 id="opps-title" className="border-b border-border px-5 py-3 text-sm font-semibold">Opportunities ({d.opportunities.length})</h2>
          {d.opportunities.length ? (
            // On a phone the deals scroll inside their card rather than widen the page.
            <div className="relative overflow-x-auto">
            <table className="w-full text-sm">
              <tbody className="divide-y divide-border">
                {d.opportunities.map((o) => (
                  <tr key={o.id}>
                    <td className="px-5 py-2.5 font-medium">
                      <Link href={`/opportunities/${o.id}`} className="hover:text-accent hover:underline">{o.title}</Link>
                      {o.isPrivate ? <Lock className="ml-1 inline size-3 text-muted" role="img" aria-label="Private" /> : null}
                    </td>
                    <td className="whitespace-nowrap px-3 py-2.5"><span className="inline-flex items-center gap-1.5"><span className="size-2 rounded-full" style={{ backgroundColor: o.stageColor }} />{o.stageName}</span>{o.status !== "OPEN" && o.stageName.toUpperCase() !== o.status ? <span className="ml-2"><StatusBadge status={o.status} /></span> : null}</td>
                    <td className="whitespace-nowrap px-3 py-2.5 text-right tabular">{formatMoney(o.amount, o.currency)}</td>
                    <td className="whitespace-nowrap px-3 py-2.5 text-muted">{o.ownerName}</td>
                    <td className="whitespace-nowrap px-5 py-2.5 text-muted">{formatDate(o.expectedCloseDate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          ) : (
            <p className="px-5 py-8 text-center text-sm text-muted">No opportunities you can see.</p>
          )}
        </section>
        <div className="space-y-6">
          <section className="rounded-xl border border-border bg-surface p-5 shadow-sm">
            <h2 className="mb-2 text-sm font-semibold">About</h2>
            <dl className="divide-y divide-border text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="grid grid-cols-3 gap-3 py-2"><dt className="text-muted">{label}</dt><dd className="col-span-2 min-w-0 break-words">{value ?? "—"}</dd></div>
              ))}
            </dl>
          </section>
          <section className="rounded-xl border border-border bg-surface p-5 shadow-sm">
            <div className="mb-2 flex items-center justify-between">
              <h2 className="text-sm font-semibold">Contacts ({d.contacts.length})</h2>
              <Link href={`/contacts/new?accountId=${a.id}`} className="text-xs font-medium text-accent hover:underline">Add contact</Link>
            </div>
            <ul className="divide-y divide-border text-sm">
              {d.contacts.map((c) => (
                <li key={c.id} className="py-2">
                  <Link href={`/contacts/${c.id}`} className="font-medium hover:underline">{c.name}</Link>
                  <p className="text-xs text-muted">{[c.jobTitle, c.email].filter(Boolean).join(" · ")}</p>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </>
  );
}
