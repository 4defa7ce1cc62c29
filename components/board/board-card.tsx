"use client";
// A card on the board. The sortable wrapper re-renders while a drag is under
// way; the body is memoised on the card's data, so a drag repaints only the
// cards whose data or position changes.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import clsx from "clsx";
import { CalendarDays, Flame, Lock } from "lucide-react";
import Link from "next/link";
import { memo } from "react";
import { Avatar } from "@/components/ui/avatar";
import { formatMoney } from "@/lib/domain/money";
import type { BoardCard as Card } from "@/lib/server/board/cards";

export interface CardContext {
  /** Start of today (UTC, YYYY-MM-DD) and now, from the server, so renders agree. */
  today: string;
  nowMs: number;
  labels: Map<string, { name: string; color: string }>;
}

const DAY_MS = 86_400_000;

function shortDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function daysInStage(card: Card, nowMs: number): number {
  return Math.floor((nowMs - Date.parse(card.stageChangedAt)) / DAY_MS);
}

export const CardBody = memo(function CardBody({ card, rottingDays, context, overlay }: { card: Card; rottingDays: number | null; context: CardContext; overlay?: boolean }) {
  const days = daysInStage(card, context.nowMs);
  const rotting = rottingDays !== null && days > rottingDays;
  const overdue = card.expectedCloseDate !== null && card.expectedCloseDate < context.today;
  return (
    <div
      className={clsx(
        "rounded-lg border border-border bg-surface p-3 text-left shadow-sm transition",
        overlay ? "rotate-2 shadow-xl ring-2 ring-accent/40" : "hover:border-accent/40 hover:shadow",
      )}
    >
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-1 text-sm font-medium leading-snug">
            {overlay ? (
              <span className="line-clamp-2" data-testid="card-title">{card.title}</span>
            ) : (
              // A click (no drag) opens the deal; the drag sensors need 5 px of movement first.
              <Link href={`/opportunities/${card.id}`} className="line-clamp-2 hover:text-accent hover:underline" data-testid="card-title">
                {card.title}
              </Link>
            )}
            {card.isPrivate ? <Lock className="size-3 shrink-0 text-muted" aria-label="Private" /> : null}
          </div>
          <div className="mt-0.5 truncate text-xs text-muted">{card.accountName ?? "No account"}</div>
        </div>
        <Avatar name={card.ownerName} size="sm" />
      </div>
      <div className="mt-2.5 flex items-center justify-between gap-2 text-xs">
        <span className="font-semibold tabular">{formatMoney(card.amount, card.currency)}</span>
        {card.expectedCloseDate ? (
          <span className={clsx("inline-flex items-center gap-1 tabular", overdue ? "font-medium text-danger" : "text-muted")} title={overdue ? "Expected close date has passed" : "Expected close"}>
            <CalendarDays className="size-3" aria-hidden="true" />
            {shortDate(card.expectedCloseDate)}
          </span>
        ) : null}
      </div>
      {card.labels.length > 0 || rotting ? (
        <div className="mt-2 flex flex-wrap items-center gap-1">
          {rotting ? (
            <span className="inline-flex items-center gap-0.5 rounded-full bg-rose-50 px-1.5 py-0.5 text-[10px] font-medium text-rose-700 dark:bg-rose-950 dark:text-rose-300" title={`In this stage for ${days} days (rots after ${rottingDays})`} data-testid="rotting">
              <Flame className="size-2.5" aria-hidden="true" />
              {days}d in stage
            </span>
          ) : null}
          {card.labels.map((key) => {
            const label = context.labels.get(key);
            return (
              <span key={key} className="rounded-full px-1.5 py-0.5 text-[10px] font-medium text-white" style={{ backgroundColor: label?.color ?? "#64748b" }}>
                {label?.name ?? key}
              </span>
            );
          })}
        </div>
      ) : null}
    </div>
  );
});

export const SortableCard = memo(function SortableCard({ card, stageId, rottingDays, context }: { card: Card; stageId: string; rottingDays: number | null; context: CardContext }) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: card.id,
    data: { type: "card", stageId },
    disabled: !card.editable,
  });
  return (
    <div
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      {...attributes}
      {...listeners}
      aria-roledescription="Draggable deal"
      aria-label={`${card.title}, ${formatMoney(card.amount, card.currency)}${card.editable ? "" : ", read only"}`}
      title={card.editable ? undefined : "You can only move deals you own or work on"}
      data-testid="board-card"
      data-card-id={card.id}
      className={clsx("rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-accent", card.editable ? "cursor-grab touch-manipulation" : "cursor-default", isDragging && "opacity-40")}
    >
      <CardBody card={card} rottingDays={rottingDays} context={context} />
    </div>
  );
});
