import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AccountForm } from "@/components/accounts/account-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount } from "@/lib/server/accounts/detail";
import { requireActor } from "@/lib/server/auth/session";
import { AppError } from "@/lib/server/errors";
import { opportunityFormOptions } from "@/lib/server/opportunities/form-options";

export const metadata: Metadata = { title: "Edit account" };

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const account = await getAccount(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const { users } = await opportunityFormOptions(actor);
  return (
    <>
      <PageHeader title={`Edit ${account.name}`} />
      <div className="px-4 py-5 sm:px-8 sm:py-6"><AccountForm account={account} users={users} actorId={actor.id} /></div>
    </>
  );
}
