import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { LiveRefresh } from "@/components/live/live-refresh";
import { FilterBar } from "@/components/opportunities/filter-bar";
import { OpportunityTable } from "@/components/opportunities/opportunity-table";
import { opportunityFormOptions } from "@/lib/server/opportunities/form/options";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { listOpportunityTable } from "@/lib/server/opportunities/list/table";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";

export const metadata: Metadata = { title: "Opportunities" };

export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = parseOpportunityTableQuery(await searchParams);
  const [data, options] = await Promise.all([listOpportunityTable(actor, query), opportunityFormOptions(actor)]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        title="Opportunities"
        description={`${data.total} opportunities you can see`}
        actions={
          <Link href="/opportunities/new" className={buttonClass("primary")}>
            <Plus className="size-4" aria-hidden="true" /> New opportunity
          </Link>
        }
      />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <FilterBar key={JSON.stringify(query.filters)} query={query} options={options} />
        <OpportunityTable key={`${data.page}:${JSON.stringify(query)}`} data={data} query={query} today={today} options={options} />
      </div>
      <LiveRefresh />
    </>
  );
}
