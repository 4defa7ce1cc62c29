import type { Metadata } from "next";
import { OpportunityForm } from "@/components/opportunities/form/opportunity-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { newOpportunityContext } from "@/lib/server/opportunities/form/context";
import { opportunityFormOptions } from "@/lib/server/opportunities/form/options";

export const metadata: Metadata = { title: "New opportunity" };

const param = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.slice(0, 64) || undefined;

export default async function NewOpportunityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const [options, context] = await Promise.all([opportunityFormOptions(actor), newOpportunityContext(actor, param(params.accountId))]);
  return (
    <>
      <PageHeader title="New opportunity" description="Only the title and stage are required; everything else can wait." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <OpportunityForm options={options} actorId={actor.id} opportunity={null} preset={{ stageId: param(params.stageId) }} account={context.account} contacts={[]} />
      </div>
    </>
  );
}
