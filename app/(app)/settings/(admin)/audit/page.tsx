import type { Metadata } from "next";
import { adminOrNull } from "@/components/settings/admin-page";
import { AuditTable } from "@/components/settings/audit/audit-table";
import { Forbidden } from "@/components/settings/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listAudit } from "@/lib/server/settings/audit";
import { auditQuerySchema } from "@/lib/validation/settings-audit";

export const metadata: Metadata = { title: "Audit log · Settings" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await adminOrNull();
  if (!actor) return <Forbidden />;
  const query = auditQuerySchema.parse(await searchParams);
  const page = await listAudit(actor, query);
  return (
    <>
      <PageHeader title="Audit log" description="Every settings change: who made it, when, and what changed." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <AuditTable page={page} entity={query.entity} />
      </div>
    </>
  );
}
