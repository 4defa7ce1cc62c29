import type { Metadata } from "next";
import { AccountForm } from "@/components/accounts/account-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount } from "@/lib/server/accounts/detail";
import { requireActor } from "@/lib/server/auth/session";
import { forPage } from "@/lib/server/page";
import { opportunityFormOptions } from "@/lib/server/opportunities/form/options";

export const metadata: Metadata = { title: "Edit account" };

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const account = await forPage(getAccount(actor, id));
  const { users } = await opportunityFormOptions(actor);
  return (
    <>
      <PageHeader title={`Edit ${account.name}`} />
      <div className="px-4 py-5 sm:px-8 sm:py-6"><AccountForm account={account} users={users} actorId={actor.id} /></div>
    </>
  );
}
