import type { Metadata } from "next";
import Link from "next/link";
import { DirectoryPage } from "@/components/accounts/directory-page";
import { requireActor } from "@/lib/server/auth/session";
import { listContacts } from "@/lib/server/contacts/list";
import { searchSchema } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Contacts" };

const COLUMNS = [{ label: "Name" }, { label: "Job title" }, { label: "Account" }, { label: "Email" }, { label: "Phone" }];

export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const p = await searchParams;
  const input = searchSchema.parse({ q: p.q ?? "", page: p.page ?? 1, limit: 25 });
  const data = await listContacts(actor, input);
  return (
    <DirectoryPage
      kind="contacts"
      title="Contacts"
      description="The people you deal with"
      newLabel="New contact"
      searchPlaceholder="Search name, email or company"
      columns={COLUMNS}
      q={input.q}
      data={data}
    >
      {data.rows.map((c) => (
        <tr key={c.id} className="hover:bg-surface-muted/50" data-testid="contact-row">
          <td className="px-4 py-3 font-medium"><Link href={`/contacts/${c.id}`} className="hover:text-accent hover:underline">{c.name}</Link></td>
          <td className="px-4 py-3 text-muted">{c.jobTitle ?? "—"}</td>
          <td className="px-4 py-3">{c.accountId ? <Link href={`/accounts/${c.accountId}`} className="hover:underline">{c.accountName}</Link> : "—"}</td>
          <td className="px-4 py-3 text-muted">{c.email ? <a href={`mailto:${c.email}`} className="hover:underline">{c.email}</a> : "—"}</td>
          <td className="px-4 py-3 text-muted">{c.phone ?? "—"}</td>
        </tr>
      ))}
    </DirectoryPage>
  );
}
