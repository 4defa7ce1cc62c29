import type { Metadata } from "next";
import { AuditTable } from "@/components/settings/audit/audit-table";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listAudit } from "@/lib/server/audit/read";
import { auditQuerySchema } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log · Settings" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAdmin();
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
