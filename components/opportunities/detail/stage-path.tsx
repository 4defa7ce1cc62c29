"use client";
// The stage path: every stage of the pipeline, the current one highlighted.
// Clicking a stage moves the opportunity there through updateOpportunity, so
// the board's rules apply (a lost stage asks why first).
import { useState } from "react";
import { Check } from "lucide-react";
import clsx from "clsx";
import { LostDialog } from "@/components/opportunities/lost-dialog";
import { filledWith } from "@/lib/domain/color";
import { firstFieldMessage, useAction } from "@/components/ui/use-action";
import { updateOpportunityAction } from "@/lib/actions/opportunities";
import type { StageOption } from "@/lib/server/opportunities/form/options";
import type { LostDetailsForm } from "@/lib/validation/move";

export function StagePath({
  opportunityId,
  title,
  version,
  stageId,
  stages,
  lostReasons,
  canEdit,
}: {
  opportunityId: string;
  title: string;
  version: number;
  stageId: string;
  stages: StageOption[];
  lostReasons: { id: string; name: string }[];
  canEdit: boolean;
}) {
  const [losing, setLosing] = useState<StageOption | null>(null);
  const currentIndex = stages.findIndex((s) => s.id === stageId);
  const current = stages[currentIndex];
  const update = useAction(updateOpportunityAction, {
    success: (_moved, input) => `Moved to ${stages.find((s) => s.id === input.changes.stageId)?.name}`,
    failure: (error) => (error.code === "CONFLICT" ? "Someone else changed this opportunity; showing the latest version. Try again." : firstFieldMessage(error)),
    // A refusal (someone else's change meanwhile) shows the opportunity as it is now.
    refresh: "always",
    onSuccess: () => setLosing(null),
  });
  const busy = update.pending;

  function move(stage: StageOption, lost?: LostDetailsForm) {
    void update.run({ id: opportunityId, changes: { stageId: stage.id, version, ...(lost ?? {}) } });
  }

  return (
    <div>
      {/* On a phone every stage keeps its whole name and the path scrolls sideways. */}
      <ol className="flex w-full overflow-x-auto rounded-lg border border-border bg-surface text-xs font-medium sm:overflow-hidden" aria-label="Stage path">
        {stages.map((s, i) => {
          const isCurrent = s.id === stageId;
          const passed = current?.type === "OPEN" ? i < currentIndex && s.type === "OPEN" : current?.type === "WON" ? s.type === "OPEN" : false;
          return (
            <li key={s.id} className="shrink-0 grow border-r border-border last:border-r-0 sm:min-w-0 sm:shrink sm:basis-0">
              <button
                type="button"
                disabled={!canEdit || busy || isCurrent}
                aria-current={isCurrent ? "step" : undefined}
                title={canEdit && !isCurrent ? `Move to ${s.name}` : s.name}
                onClick={() => (s.type === "LOST" ? setLosing(s) : move(s))}
                className={clsx(
                  "flex w-full items-center justify-center gap-1 truncate px-2 py-2 transition",
                  isCurrent ? "" : passed ? "bg-accent-soft text-accent" : "text-muted",
                  canEdit && !isCurrent && "hover:bg-surface-muted hover:text-text",
                )}
                style={isCurrent ? filledWith(s.color) : undefined}
              >
                {passed ? <Check className="size-3 shrink-0" aria-hidden="true" /> : null}
                <span className="truncate">{s.name}</span>
              </button>
            </li>
          );
        })}
      </ol>
      {losing ? (
        <LostDialog title={title} reasons={lostReasons} pending={update.pending} onCancel={() => setLosing(null)} onConfirm={(details) => move(losing, details)} />
      ) : null}
    </div>
  );
}
