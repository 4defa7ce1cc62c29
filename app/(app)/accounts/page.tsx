import type { Metadata } from "next";
import Link from "next/link";
import { DirectoryPage } from "@/components/accounts/directory-page";
import { listAccounts } from "@/lib/server/accounts/list";
import { requireActor } from "@/lib/server/auth/session";
import { searchSchema } from "@/lib/validation/account";

export const metadata: Metadata = { title: "Accounts" };

const COLUMNS = [{ label: "Account" }, { label: "Industry" }, { label: "Location" }, { label: "Owner" }, { label: "Open deals", numeric: true }, { label: "Contacts", numeric: true }];

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const p = await searchParams;
  const input = searchSchema.parse({ q: p.q ?? "", page: p.page ?? 1, limit: 25 });
  const data = await listAccounts(actor, input);
  return (
    <DirectoryPage
      kind="accounts"
      title="Accounts"
      description="The companies you sell to"
      newLabel="New account"
      searchPlaceholder="Search name, industry or city"
      columns={COLUMNS}
      q={input.q}
      data={data}
    >
      {data.rows.map((a) => (
        <tr key={a.id} className="hover:bg-surface-muted/50" data-testid="account-row">
          <td className="px-4 py-3 font-medium"><Link href={`/accounts/${a.id}`} className="hover:text-accent hover:underline">{a.name}</Link></td>
          <td className="px-4 py-3 text-muted">{a.industry ?? "—"}</td>
          <td className="px-4 py-3 text-muted">{[a.city, a.country].filter(Boolean).join(", ") || "—"}</td>
          <td className="px-4 py-3">{a.ownerName ?? "—"}</td>
          <td className="px-4 py-3 text-right tabular">{a.openOpportunities}</td>
          <td className="px-4 py-3 text-right tabular">{a.contacts}</td>
        </tr>
      ))}
    </DirectoryPage>
  );
}
