import type { Metadata } from "next";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { getContactDetail } from "@/lib/server/contacts/list";
import { forPage } from "@/lib/server/page";

export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const d = await forPage(getContactDetail(actor, id));
  const account = d.contact.accountId && d.accountName ? { id: d.contact.accountId, label: d.accountName } : null;
  return (
    <>
      <PageHeader title={`Edit ${d.contact.firstName} ${d.contact.lastName}`} />
      <div className="px-4 py-5 sm:px-8 sm:py-6"><ContactForm contact={d.contact} account={account} /></div>
    </>
  );
}
