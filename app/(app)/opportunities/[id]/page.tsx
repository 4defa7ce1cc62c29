import type { Metadata } from "next";
import Link from "next/link";
import { ChevronLeft, Lock, Pencil, Star } from "lucide-react";
import { ActivitySection } from "@/components/activities/activity-section";
import { NoteSection } from "@/components/activities/note-section";
import { buttonClass } from "@/components/ui/button";
import { LiveRefresh } from "@/components/live/live-refresh";
import { DeleteOpportunity } from "@/components/opportunities/detail/delete-opportunity";
import { DetailsPanel } from "@/components/opportunities/detail/details-panel";
import { LineItemsCard } from "@/components/opportunities/detail/line-items-card";
import { StagePath } from "@/components/opportunities/detail/stage-path";
import { Summary } from "@/components/opportunities/detail/summary";
import { Timeline } from "@/components/opportunities/detail/timeline";
import { StatusBadge } from "@/components/ui/status-badge";
import { requireActor } from "@/lib/server/auth/session";
import { forPage } from "@/lib/server/page";
import { getOpportunityDetail } from "@/lib/server/opportunities/read/detail";
import { opportunityTimeline } from "@/lib/server/opportunities/history/timeline";
import { recordPanel } from "@/lib/server/activities/record-panel";

export const metadata: Metadata = { title: "Opportunity" };

function Card({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h2 id={`${id}-title`} className="mb-3 text-sm font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export default async function OpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [detail, timeline, panel] = await forPage(Promise.all([getOpportunityDetail(actor, id), opportunityTimeline(actor, id), recordPanel(actor, { opportunityId: id })]));
  const o = detail.opportunity;
  return (
    <>
      <header className="border-b border-border bg-surface px-4 pb-5 pt-4 sm:px-8">
        <Link href="/opportunities" className="inline-flex items-center gap-1 text-xs font-medium text-muted hover:text-text">
          <ChevronLeft className="size-3.5" aria-hidden="true" /> Opportunities
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="flex items-center gap-2 text-xl font-semibold tracking-tight">
              <span className="truncate">{o.title}</span>
              {o.isPrivate ? <Lock className="size-4 shrink-0 text-muted" aria-label="Private" /> : null}
              {o.status !== "OPEN" ? <StatusBadge status={o.status} /> : null}
            </h1>
            <p className="mt-1 flex items-center gap-2 text-sm text-muted">
              {detail.account ? <Link className="hover:text-text hover:underline" href={`/accounts/${detail.account.id}`}>{detail.account.name}</Link> : "No account"}
              <span aria-hidden="true">·</span> {detail.pipelineName}
              {o.rating ? <span className="inline-flex items-center gap-0.5 text-amber-500" role="img" aria-label={`Rated ${o.rating} of 5`}>{Array.from({ length: o.rating }, (_, i) => <Star key={i} className="size-3 fill-current" aria-hidden="true" />)}</span> : null}
            </p>
          </div>
          {detail.canEdit ? (
            <div className="flex items-center gap-2">
              <DeleteOpportunity id={o.id} version={o.version} title={o.title} />
              <Link href={`/opportunities/${o.id}/edit`} className={buttonClass("primary")}>
                <Pencil className="size-4" aria-hidden="true" /> Edit
              </Link>
            </div>
          ) : (
            <p className="text-xs text-muted">Only the owner, members, managers and admins can change it.</p>
          )}
        </div>
        <div className="mt-4">
          <StagePath key={o.version} opportunityId={o.id} title={o.title} version={o.version} stageId={o.stageId} stages={detail.stages} lostReasons={detail.lostReasons} canEdit={detail.canEdit} />
        </div>
        <div className="mt-5">
          <Summary detail={detail} now={new Date()} />
        </div>
      </header>
      <div className="px-4 pt-6 sm:px-8">
        <Card title={`Line items (${detail.lineItems.length})`} id="line-items">
          <LineItemsCard
            key={o.version}
            opportunityId={o.id}
            version={o.version}
            lines={detail.lineItems}
            amount={o.amount}
            canEdit={detail.canEdit}
            deal={{ currency: o.currency, baseCurrency: detail.baseCurrency, exchangeRate: o.exchangeRate, probability: o.probability, contractMonths: o.contractMonths }}
          />
        </Card>
      </div>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 px-4 py-6 sm:px-8 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card title="Activities" id="activities">
            <ActivitySection panel={panel} links={{ opportunityId: o.id }} me={actor.id} />
          </Card>
          <Card title={`Notes (${panel.notes.length})`} id="notes">
            <NoteSection notes={panel.notes} links={{ opportunityId: o.id }} people={panel.people} me={actor.id} canPin={detail.canEdit} />
          </Card>
          <Card title="Details" id="details"><DetailsPanel detail={detail} /></Card>
          <Card title={`Contacts (${detail.contacts.length})`} id="contacts">
            {detail.contacts.length ? (
              <ul className="divide-y divide-border">
                {detail.contacts.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                    <div className="min-w-0">
                      <Link href={`/contacts/${c.id}`} className="font-medium hover:underline">{c.name}</Link>
                      {c.jobTitle ? <span className="ml-2 text-xs text-muted">{c.jobTitle}</span> : null}
                      <p className="truncate text-xs text-muted">{[c.email, c.phone].filter(Boolean).join(" · ")}</p>
                    </div>
                    {c.isPrimary ? <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-700 dark:bg-amber-950 dark:text-amber-300">Primary</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted">No contacts linked. {detail.canEdit ? <Link className="text-accent hover:underline" href={`/opportunities/${o.id}/edit`}>Add one</Link> : null}</p>
            )}
          </Card>
        </div>
        <Card title="Timeline" id="timeline"><Timeline entries={timeline} currency={o.currency} /></Card>
      </div>
      <LiveRefresh opportunity={{ id: o.id, version: o.version }} />
    </>
  );
}
