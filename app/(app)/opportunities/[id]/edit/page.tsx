import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpportunityForm } from "@/components/opportunities/form/opportunity-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { editOpportunityContext } from "@/lib/server/opportunities/form-context";
import { opportunityFormOptions } from "@/lib/server/opportunities/form-options";

export const metadata: Metadata = { title: "Edit opportunity" };

export default async function EditOpportunityPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const context = await editOpportunityContext(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const options = await opportunityFormOptions(actor);
  return (
    <>
      <PageHeader title={`Edit “${context.opportunity!.title}”`} />
      <div className="px-8 py-6">
        <OpportunityForm options={options} actorId={actor.id} opportunity={context.opportunity} account={context.account} contacts={context.contacts} hasLineItems={context.hasLineItems} />
      </div>
    </>
  );
}
