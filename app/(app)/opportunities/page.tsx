import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { buttonClass } from "@/components/forms/styles";
import { OpportunityTable } from "@/components/opportunities/opportunity-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { listOpportunityTable } from "@/lib/server/opportunities/table";
import { parseOpportunityTableQuery } from "@/lib/validation/opportunity-list";

export const metadata: Metadata = { title: "Opportunities" };

export default async function OpportunitiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const query = parseOpportunityTableQuery(await searchParams);
  const data = await listOpportunityTable(actor, query);
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
      <div className="px-8 py-6">
        <OpportunityTable data={data} query={query} today={today} />
      </div>
    </>
  );
}
