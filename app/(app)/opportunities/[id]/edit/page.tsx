import type { Metadata } from "next";
import Link from "next/link";
import { OpportunityForm } from "@/components/opportunities/form/opportunity-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { forPage } from "@/lib/server/page";
import { editOpportunityContext } from "@/lib/server/opportunities/form/context";
import { opportunityFormOptions } from "@/lib/server/opportunities/form/options";
import { mayEdit } from "@/lib/server/opportunities/read/get";

export const metadata: Metadata = { title: "Edit opportunity" };

export default async function EditOpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const context = await forPage(editOpportunityContext(actor, id));
  if (!mayEdit(actor, context.opportunity!)) {
    return (
      <>
        <PageHeader title={context.opportunity!.title} />
        <div className="px-8 py-10 text-center text-sm text-muted">
          <p>Only the owner, members, managers and admins can change this opportunity.</p>
          <Link href={`/opportunities/${id}`} className="mt-3 inline-block font-medium text-accent hover:underline">Back to the opportunity</Link>
        </div>
      </>
    );
  }
  const options = await opportunityFormOptions(actor, [context.opportunity!.ownerId, ...context.opportunity!.memberIds]);
  return (
    <>
      <PageHeader title={`Edit “${context.opportunity!.title}”`} />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <OpportunityForm options={options} actorId={actor.id} opportunity={context.opportunity} account={context.account} contacts={context.contacts} hasLineItems={context.hasLineItems} />
      </div>
    </>
  );
}
