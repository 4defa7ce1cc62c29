"use client";

// The stage list of one pipeline: reorder by drag-and-drop (mouse, touch or
// keyboard: focus a handle, Space, arrows, Space), add, edit and delete.
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import clsx from "clsx";
import { missingStageTypes, stageSetProblem } from "@/lib/domain/pipeline-rules";
import type { EditorPipelineDto, EditorStageDto } from "@/lib/server/pipelines/editor";
import { createStageAction, reorderStagesAction, updateStageAction } from "@/lib/actions/stages";
import { Button, IconButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { useAction } from "@/components/ui/use-action";
import { DeleteStageDialog } from "./delete-stage-dialog";
import { StageFormDialog, type StageSubmit } from "./stage-form-dialog";

const TYPE_TONE = { OPEN: "accent", WON: "success", LOST: "danger" } as const;
const TYPE_LABEL = { OPEN: "Open", WON: "Won", LOST: "Lost" } as const;
const CATEGORY_LABEL = { PIPELINE: "Pipeline", BEST_CASE: "Best case", COMMIT: "Commit", CLOSED: "Closed", OMITTED: "Omitted" } as const;

export function StageEditor({ pipeline, lostReasons }: { pipeline: EditorPipelineDto; lostReasons: { id: string; name: string }[] }) {
  const [order, setOrder] = useState(pipeline.stages);
  const [seen, setSeen] = useState(pipeline.stages);
  // Server data wins whenever it changes (after a save or a refresh).
  if (seen !== pipeline.stages) {
    setSeen(pipeline.stages);
    setOrder(pipeline.stages);
  }
  const [editing, setEditing] = useState<EditorStageDto | "new" | null>(null);
  const [deleting, setDeleting] = useState<EditorStageDto | null>(null);
  const reorder = useAction(reorderStagesAction, { success: "Stage order saved" });
  const create = useAction(createStageAction, { success: (_d, { name }) => `Stage ${name} added` });
  const update = useAction(updateStageAction, { success: (d) => (d.updatedOpportunities ? `Stage saved; ${d.updatedOpportunities} opportunities updated` : "Stage saved") });
  const edit = (stage: EditorStageDto | "new") => {
    create.clearErrors();
    update.clearErrors();
    setEditing(stage);
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));

  async function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const next = arrayMove(order, order.findIndex((s) => s.id === active.id), order.findIndex((s) => s.id === over.id));
    setOrder(next);
    const result = await reorder.run({ pipelineId: pipeline.id, ids: next.map((s) => s.id) });
    if (!result.ok) setOrder(pipeline.stages);
  }

  async function save({ afterStageId, applyToOpen, ...fields }: StageSubmit): Promise<boolean> {
    const target = editing;
    const result = target === "new"
      ? await create.run({ ...fields, pipelineId: pipeline.id, afterStageId })
      : await update.run({ ...fields, applyToOpen, id: (target as EditorStageDto).id });
    return result.ok;
  }

  const missing = missingStageTypes(order);
  return (
    <Card
      title={`Stages of ${pipeline.name}`}
      description="Drag a stage by its handle to reorder. Every pipeline keeps at least one open, one won and one lost stage."
      actions={
        <Button variant="primary" size="sm" onClick={() => edit("new")}>
          <Plus className="size-4" aria-hidden="true" /> Add stage
        </Button>
      }
    >
      {missing.length ? <p role="alert" className="border-b border-border bg-amber-50 px-5 py-2 text-sm text-amber-800 dark:bg-amber-950 dark:text-amber-200">{stageSetProblem(order)}</p> : null}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ screenReaderInstructions: { draggable: "To pick up a stage, press Space. Use the arrow keys to move it and Space again to drop it, or Escape to cancel." } }}>
        <SortableContext items={order.map((s) => s.id)} strategy={verticalListSortingStrategy}>
          <ol className="divide-y divide-border" aria-label={`Stages of ${pipeline.name}`}>
            {order.map((stage) => (
              <StageRow
                key={stage.id}
                stage={stage}
                onlyOfType={order.filter((s) => s.type === stage.type).length === 1}
                onEdit={() => edit(stage)}
                onDelete={() => setDeleting(stage)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <StageFormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        stage={editing === "new" ? null : editing}
        stages={order}
        serverErrors={editing === "new" ? create.fieldErrors : update.fieldErrors}
        onSubmit={save}
      />
      <DeleteStageDialog stage={deleting} stages={order} lostReasons={lostReasons} onClose={() => setDeleting(null)} />
    </Card>
  );
}

function StageRow({ stage, onlyOfType, onEdit, onDelete }: { stage: EditorStageDto; onlyOfType: boolean; onEdit: () => void; onDelete: () => void }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: stage.id });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="stage-row"
      aria-label={stage.name}
      className={clsx("flex items-center gap-3 bg-surface px-3 py-2.5", isDragging && "relative z-10 rounded-lg shadow-lg ring-1 ring-border")}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        aria-label={`Reorder ${stage.name}`}
        className="cursor-grab rounded-md p-1.5 text-muted hover:bg-surface-muted hover:text-text focus-visible:outline-2 focus-visible:outline-accent active:cursor-grabbing"
        {...attributes}
        {...listeners}
      >
        <GripVertical className="size-4" aria-hidden="true" />
      </button>
      <span className="size-3 shrink-0 rounded-full" style={{ backgroundColor: stage.color }} aria-hidden="true" />
      {/* On a phone the name gets the row's width and the type and deal count go under it. */}
      <span className="flex min-w-0 flex-1 flex-col items-start gap-1 sm:flex-row sm:items-center sm:gap-3">
        <span className="w-full min-w-0 truncate text-sm font-medium sm:w-auto sm:flex-1" data-testid="stage-name">{stage.name}</span>
        <span className="flex items-center gap-2">
          <Pill tone={TYPE_TONE[stage.type]}>{TYPE_LABEL[stage.type]}</Pill>
          <span className="text-xs text-muted tabular sm:hidden">{stage.opportunityCount} {stage.opportunityCount === 1 ? "deal" : "deals"}</span>
        </span>
      </span>
      <span className="w-10 text-right text-sm tabular sm:w-14" title="Probability">{stage.probability}%</span>
      <span className="hidden w-24 text-sm text-muted md:block">{CATEGORY_LABEL[stage.forecastCategory]}</span>
      <span className="hidden w-28 text-sm text-muted md:block">{stage.rottingDays ? `Rots after ${stage.rottingDays}d` : "Never rots"}</span>
      <span className="hidden w-20 text-right text-sm text-muted tabular sm:block" title="Opportunities in this stage">{stage.opportunityCount} {stage.opportunityCount === 1 ? "deal" : "deals"}</span>
      <IconButton label={`Edit ${stage.name}`} onClick={onEdit}>
        <Pencil className="size-4" aria-hidden="true" />
      </IconButton>
      <IconButton
        label={onlyOfType ? `${stage.name} is the only ${TYPE_LABEL[stage.type].toLowerCase()} stage and cannot be deleted` : `Delete ${stage.name}`}
        onClick={onDelete}
        disabled={onlyOfType}
        className="hover:text-danger"
      >
        <Trash2 className="size-4" aria-hidden="true" />
      </IconButton>
    </li>
  );
}
