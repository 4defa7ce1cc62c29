import type { Metadata } from "next";
import { adminOrNull } from "@/components/settings/admin-page";
import { Forbidden } from "@/components/settings/forbidden";
import { PipelineSettings } from "@/components/settings/pipelines/pipeline-settings";
import { PageHeader } from "@/components/ui/page-header";
import { activeLostReasons } from "@/lib/server/settings/lists";
import { listPipelineSettings } from "@/lib/server/settings/pipeline-dto";

export const metadata: Metadata = { title: "Pipelines · Settings" };

export default async function PipelinesPage({ searchParams }: { searchParams: Promise<{ pipeline?: string }> }) {
  const actor = await adminOrNull();
  if (!actor) return <Forbidden />;
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
