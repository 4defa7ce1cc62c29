import type { Metadata } from "next";
import { PipelineSettings } from "@/components/settings/pipelines/pipeline-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { activeLostReasons } from "@/lib/server/lists/read";
import { listPipelineSettings } from "@/lib/server/pipelines/editor";

export const metadata: Metadata = { title: "Pipelines · Settings" };

export default async function PipelinesPage({ searchParams }: { searchParams: Promise<{ pipeline?: string }> }) {
  const actor = await requireAdmin();
  const [pipelines, lostReasons, { pipeline }] = await Promise.all([listPipelineSettings(actor), activeLostReasons(actor), searchParams]);
  const selected = pipelines.find((p) => p.id === pipeline) ?? pipelines.find((p) => p.isDefault) ?? pipelines[0] ?? null;
  return (
    <>
      <PageHeader title="Pipelines and stages" description="Shape the stages deals move through. Changes show on the board at once." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <PipelineSettings pipelines={pipelines} selectedId={selected?.id ?? null} lostReasons={lostReasons} />
      </div>
    </>
  );
}
