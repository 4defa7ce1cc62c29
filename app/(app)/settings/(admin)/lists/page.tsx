import type { Metadata } from "next";
import { ListEditor } from "@/components/settings/lists/list-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listLists } from "@/lib/server/lists/read";

export const metadata: Metadata = { title: "Lists · Settings" };

export default async function ListsPage() {
  const actor = await requireAdmin();
  const lists = await listLists(actor);
  return (
    <>
      <PageHeader title="Lists" description="The choices behind the opportunity form. Deactivated items stay on existing deals but are no longer offered." />
      <div className="grid gap-6 px-4 py-5 sm:px-8 sm:py-6 xl:grid-cols-2">
        <ListEditor kind="source" title="Sources" description="Where a deal came from." items={lists.source} />
        <ListEditor kind="type" title="Opportunity types" description="New business, upsell, renewal…" items={lists.type} />
        <ListEditor kind="lostReason" title="Lost reasons" description="Asked for whenever a deal is lost." items={lists.lostReason} />
        <ListEditor kind="label" title="Labels" description="Colored tags on cards. Their key is stored on deals and never changes." items={lists.label} />
      </div>
    </>
  );
}
