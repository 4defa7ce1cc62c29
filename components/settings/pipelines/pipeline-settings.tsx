"use client";

// Pipelines on the left (select, add, reorder), the selected one's actions and
// stage editor on the right.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Archive, ArchiveRestore, Pencil, Plus, Star, Trash2 } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import type { EditorPipelineDto } from "@/lib/server/pipelines/editor";
import { createPipelineAction, reorderPipelinesAction, updatePipelineAction } from "@/lib/actions/pipelines";
import { Button } from "@/components/ui/button";
import { Pill } from "@/components/ui/pill";
import { MoveButtons, reordered } from "@/components/ui/move-buttons";
import { NameDialog } from "../name-dialog";
import { useAction } from "@/components/ui/use-action";
import { DeletePipelineDialog } from "./delete-pipeline-dialog";
import { StageEditor } from "./stage-editor";

export function PipelineSettings({ pipelines, selectedId, lostReasons }: {
  pipelines: EditorPipelineDto[];
  selectedId: string | null;
  lostReasons: { id: string; name: string }[];
}) {
  const router = useRouter();
  const selected = pipelines.find((p) => p.id === selectedId) ?? null;
  const [dialog, setDialog] = useState<"new" | "rename" | "delete" | null>(null);
  const reorder = useAction(reorderPipelinesAction, { success: "Pipeline order saved" });
  const create = useAction(createPipelineAction, { success: (_d, { name }) => `Pipeline ${name} created with starter stages` });
  const update = useAction(updatePipelineAction, {
    success: (d, input) =>
      input.isDefault ? `${d.name} is now the default pipeline` : input.isArchived !== undefined ? (input.isArchived ? "Pipeline archived" : "Pipeline restored") : "Pipeline renamed",
  });
  const openDialog = (which: "new" | "rename") => {
    create.clearErrors();
    update.clearErrors();
    setDialog(which);
  };

  const move = (index: number, by: number) => reorder.run({ ids: reordered(pipelines.map((p) => p.id), index, by) });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-stretch gap-2">
        <ul className="contents" aria-label="Pipelines">
          {pipelines.map((p, i) => (
            <li key={p.id} className={clsx("group flex w-64 items-center gap-1 rounded-lg border bg-surface pr-1 shadow-sm transition", p.id === selectedId ? "border-accent ring-2 ring-accent/15" : "border-border hover:border-slate-300")}>
              <Link href={`/settings/pipelines?pipeline=${p.id}`} aria-current={p.id === selectedId ? "true" : undefined} className="min-w-0 flex-1 px-3 py-2.5">
                <span className="flex items-center gap-2">
                  <span className={clsx("truncate text-sm font-medium", p.isArchived && "text-muted line-through")}>{p.name}</span>
                  {p.isDefault ? <Pill tone="accent">Default</Pill> : null}
                  {p.isArchived ? <Pill>Archived</Pill> : null}
                </span>
                <span className="mt-0.5 block text-xs text-muted">
                  {p.stages.length} stages · {p.opportunityCount} opportunities
                </span>
              </Link>
              <div className="flex flex-col opacity-60 group-hover:opacity-100">
                <MoveButtons small name={p.name} index={i} count={pipelines.length} onMove={(by) => move(i, by)} />
              </div>
            </li>
          ))}
        </ul>
        <Button className="border-dashed" onClick={() => openDialog("new")}>
          <Plus className="size-4" aria-hidden="true" /> New pipeline
        </Button>
      </div>

      {selected ? (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <div className="flex items-center gap-2">
              <h2 className="text-lg font-semibold tracking-tight">{selected.name}</h2>
              {selected.isDefault ? <Pill tone="accent">Default pipeline</Pill> : null}
              {selected.isArchived ? <Pill>Archived</Pill> : null}
            </div>
            <div className="flex flex-wrap gap-2">
              <Button size="sm" onClick={() => openDialog("rename")}>
                <Pencil className="size-3.5" aria-hidden="true" /> Rename
              </Button>
              {!selected.isDefault && !selected.isArchived ? (
                <Button size="sm" onClick={() => update.run({ id: selected.id, isDefault: true })}>
                  <Star className="size-3.5" aria-hidden="true" /> Make default
                </Button>
              ) : null}
              {!selected.isDefault ? (
                <Button size="sm" onClick={() => update.run({ id: selected.id, isArchived: !selected.isArchived })}>
                  {selected.isArchived ? <ArchiveRestore className="size-3.5" aria-hidden="true" /> : <Archive className="size-3.5" aria-hidden="true" />}
                  {selected.isArchived ? "Restore" : "Archive"}
                </Button>
              ) : null}
              <Button size="sm" variant="dangerGhost" disabled={selected.isDefault || pipelines.length < 2} title={selected.isDefault ? "Make another pipeline the default before deleting this one" : undefined} onClick={() => setDialog("delete")}>
                <Trash2 className="size-3.5" aria-hidden="true" /> Delete
              </Button>
            </div>
          </div>
          <StageEditor key={selected.id} pipeline={selected} lostReasons={lostReasons} />
        </div>
      ) : (
        <p className="text-sm text-muted">No pipeline yet. Create one to start.</p>
      )}

      <NameDialog
        key={`new-${dialog === "new"}`}
        open={dialog === "new"}
        onClose={() => setDialog(null)}
        title="New pipeline"
        submitLabel="Create pipeline"
        error={create.fieldErrors.name}
        onSubmit={async (name) => {
          const result = await create.run({ name });
          if (result.ok) router.push(`/settings/pipelines?pipeline=${result.data.id}`);
          return result.ok;
        }}
      />
      {selected ? (
        <NameDialog
          key={`rename-${selected.id}-${dialog === "rename"}`}
          open={dialog === "rename"}
          onClose={() => setDialog(null)}
          title={`Rename ${selected.name}`}
          initial={selected.name}
          error={update.fieldErrors.name}
          onSubmit={async (name) => (await update.run({ id: selected.id, name })).ok}
        />
      ) : null}
      {selected ? (
        <DeletePipelineDialog
          key={selected.id}
          open={dialog === "delete"}
          pipeline={selected}
          others={pipelines.filter((p) => p.id !== selected.id)}
          lostReasons={lostReasons}
          onClose={() => setDialog(null)}
          onDeleted={() => router.push("/settings/pipelines")}
        />
      ) : null}
    </div>
  );
}
