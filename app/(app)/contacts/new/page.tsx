import type { Metadata } from "next";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/ui/page-header";
import { getAccount } from "@/lib/server/accounts/detail";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const { accountId } = await searchParams;
  const account = accountId ? await getAccount(actor, accountId.slice(0, 64)).catch(() => null) : null;
  return (
    <>
      <PageHeader title="New contact" />
      <div className="px-4 py-5 sm:px-8 sm:py-6"><ContactForm contact={null} account={account ? { id: account.id, label: account.name } : null} /></div>
    </>
  );
}
