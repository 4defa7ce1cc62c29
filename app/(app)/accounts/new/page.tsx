import type { Metadata } from "next";
import { AccountForm } from "@/components/accounts/account-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { opportunityFormOptions } from "@/lib/server/opportunities/form/options";

export const metadata: Metadata = { title: "New account" };

export default async function NewAccountPage() {
  const actor = await requireActor();
  const { users } = await opportunityFormOptions(actor);
  return (
    <>
      <PageHeader title="New account" />
      <div className="px-4 py-5 sm:px-8 sm:py-6"><AccountForm account={null} users={users} actorId={actor.id} /></div>
    </>
  );
}
