"use client";
// Won and Lost stages as drop zones under the columns: a card dropped on Won
// closes the deal, one dropped on Lost asks why first.
import { useDroppable } from "@dnd-kit/core";
import clsx from "clsx";
import { ThumbsDown, Trophy } from "lucide-react";
import { memo, useEffect, useRef } from "react";
import { formatMoney } from "@/lib/domain/money";
import type { BoardStage } from "@/lib/server/board/board";

function Zone({ stage, baseCurrency, dragging, targeted }: { stage: BoardStage; baseCurrency: string; dragging: boolean; targeted: boolean }) {
  const { setNodeRef, isOver: pointerOver } = useDroppable({ id: `zone:${stage.id}`, data: { type: "zone", stageId: stage.id } });
  const isOver = pointerOver || targeted;
  const node = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (targeted) node.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [targeted]);
  const won = stage.type === "WON";
  const Icon = won ? Trophy : ThumbsDown;
  return (
    <div
      ref={(el) => {
        setNodeRef(el);
        node.current = el;
      }}
      role="group"
      data-targeted={isOver ? "" : undefined}
      data-testid={`zone-${stage.type.toLowerCase()}`}
      aria-label={`${stage.name}: drop a deal here to mark it ${won ? "won" : "lost"}`}
      className={clsx(
        "flex min-w-0 flex-1 items-center justify-between gap-3 rounded-xl border-2 border-dashed px-3 transition-all md:min-w-56 md:px-4",
        dragging ? "py-5" : "py-2.5",
        won ? "border-emerald-300 text-success dark:border-emerald-800" : "border-rose-300 text-danger dark:border-rose-800",
        isOver && (won ? "scale-[1.02] border-solid bg-emerald-50 dark:bg-emerald-950" : "scale-[1.02] border-solid bg-rose-50 dark:bg-rose-950"),
      )}
    >
      <span className="flex items-center gap-2 text-sm font-semibold">
        <Icon className="size-4" aria-hidden="true" />
        {stage.name}
      </span>
      <span className="text-xs tabular">
        {stage.totals.count.toLocaleString("en-US")} · {formatMoney(stage.totals.amount, baseCurrency, { compact: true })}
      </span>
    </div>
  );
}

export const ClosedZones = memo(function ClosedZones({ stages, baseCurrency, dragging, targetId }: { stages: BoardStage[]; baseCurrency: string; dragging: boolean; targetId: string | null }) {
  return (
    <div className={clsx("flex gap-3 border-t border-border bg-surface px-3 py-3 transition md:px-6", dragging && "shadow-[0_-8px_24px_-12px_rgba(15,23,42,0.25)]")}>
      {stages.map((stage) => (
        <Zone key={stage.id} stage={stage} baseCurrency={baseCurrency} dragging={dragging} targeted={targetId === stage.id} />
      ))}
    </div>
  );
});
