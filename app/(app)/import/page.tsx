import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/components/imports/import-wizard";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pill } from "@/components/ui/pill";
import { TableHead } from "@/components/ui/table-head";
import { requireActor } from "@/lib/server/auth/session";
import { importWizardOptions } from "@/lib/server/imports/options";
import { getImport, importErrors, listImports } from "@/lib/server/imports/read";
import { forPage } from "@/lib/server/page";

export const metadata: Metadata = { title: "Import" };

const TONE: Record<string, "success" | "danger" | "warning" | "accent" | "neutral"> = { DONE: "success", FAILED: "danger", UNDONE: "warning", RUNNING: "accent", QUEUED: "accent", UNDOING: "warning" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor();
  const { id } = await searchParams;
  const [options, history, current] = await Promise.all([
    forPage(importWizardOptions(actor)),
    forPage(listImports(actor, 30)),
    id ? forPage(Promise.all([getImport(actor, id), importErrors(actor, id, { limit: 100, offset: 0 })])) : null,
  ]);
  return (
    <>
      <PageHeader title="Import" description="Bring opportunities, accounts and contacts in from a spreadsheet or another CRM" />
      <div className="space-y-6 p-4 sm:p-8">
        <ImportWizard key={id ?? "new"} options={options} initial={current ? { import: current[0], errors: current[1] } : null} />
        <Card title="Import history" description="Every import, who ran it and what it did; undo is offered for 7 days.">
          {history.length === 0 ? (
            <p className="px-5 py-4 text-sm text-muted">No imports yet.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <TableHead columns={[{ label: "File" }, { label: "Records" }, { label: "Status" }, { label: "Created", right: true }, { label: "Updated", right: true }, { label: "Rejected", right: true }, { label: "When" }]} />
                <tbody className="divide-y divide-border">
                  {history.map((h) => (
                    <tr key={h.id} data-testid="import-history-row">
                      <td className="px-4 py-2 font-medium"><Link className="hover:text-accent hover:underline" href={`/import?id=${h.id}`}>{h.fileName}</Link></td>
                      <td className="px-4 py-2">{h.entity}</td>
                      <td className="px-4 py-2"><Pill tone={TONE[h.status] ?? "neutral"}>{h.status.toLowerCase()}</Pill></td>
                      <td className="px-4 py-2 text-right tabular">{h.createdCount}</td>
                      <td className="px-4 py-2 text-right tabular">{h.updatedCount}</td>
                      <td className="px-4 py-2 text-right tabular">{h.failedCount}</td>
                      <td className="px-4 py-2 text-muted tabular">{h.createdAt.slice(0, 16).replace("T", " ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}
