"use client";
// A card on the board. The sortable wrapper re-renders while a drag is under
// way; the body is memoised on the card's data, so a drag repaints only the
// cards whose data or position changes.
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import clsx from "clsx";
import { CalendarDays, CircleAlert, Flame, Lock } from "lucide-react";
import { ActivityIcon } from "@/components/activities/activity-icon";
import { createContext, memo, useContext } from "react";
import { Avatar } from "@/components/ui/avatar";
import { LabelChip } from "@/components/ui/label-chip";
import { formatMoney } from "@/lib/domain/money";
import { isOverdue } from "@/lib/domain/activities";
import type { BoardCard as Card } from "@/lib/server/board/cards";

export interface CardContext {
  /** Start of today (UTC, YYYY-MM-DD) and now, from the server, so renders agree. */
  today: string;
  /** The time of day now (UTC, HH:MM), for overdue activities. */
  time: string;
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
            <span className={clsx("line-clamp-2", !overlay && "group-hover:text-accent group-hover:underline")} data-testid="card-title">{card.title}</span>
            {card.isPrivate ? <Lock className="size-3 shrink-0 text-muted" role="img" aria-label="Private" /> : null}
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
      <NextActivityLine card={card} context={context} />
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
              <LabelChip key={key} name={label?.name ?? key} color={label?.color ?? "#64748b"} size="sm" />
            );
          })}
        </div>
      ) : null}
    </div>
  );
});

/** The next open activity (red when overdue), or a mark that nothing is planned. */
function NextActivityLine({ card, context }: { card: Card; context: CardContext }) {
  const next = card.nextActivity;
  if (!next) {
    return (
      <div className="mt-2 inline-flex items-center gap-1 text-[11px] font-medium text-amber-700 dark:text-amber-300" data-testid="no-activity" title="No activity planned">
        <CircleAlert className="size-3" aria-hidden="true" /> No next activity
      </div>
    );
  }
  const overdue = isOverdue(next, { date: context.today, time: context.time });
  return (
    <div className={clsx("mt-2 flex min-w-0 items-center gap-1 text-[11px]", overdue ? "font-medium text-danger" : "text-muted")} data-testid="next-activity" data-overdue={overdue || undefined}>
      <ActivityIcon icon={next.icon} className="size-3 shrink-0" label={next.type} />
      <span className="truncate">{next.subject}</span>
      {next.dueDate ? <span className="ml-auto shrink-0 tabular">{overdue ? "overdue · " : ""}{shortDate(next.dueDate)}{next.dueTime ? ` ${next.dueTime}` : ""}</span> : null}
    </div>
  );
}

/** What a card asks of the board: open its deal, and the keys of a keyboard move. Stable for the whole board. */
export interface CardActions {
  open: (cardId: string, newTab: boolean) => void;
  prefetch: (cardId: string) => void;
  onKey: (cardId: string, event: React.KeyboardEvent) => void;
  onBlur: (cardId: string) => void;
}

export const CardActionsContext = createContext<CardActions | null>(null);

export const READ_ONLY_HINT_ID = "board-card-read-only";

/**
 * The card is ONE interactive element: a click or Enter opens the deal, a
 * drag (mouse, touch) or Space (keyboard, see board-keyboard.ts) moves it.
 * Its accessible name is its visible text.
 */
export const SortableCard = memo(function SortableCard({ card, stageId, rottingDays, context, lifted }: { card: Card; stageId: string; rottingDays: number | null; context: CardContext; lifted: boolean }) {
  const actions = useContext(CardActionsContext);
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
      // It always opens the deal, so it is never disabled; a read-only card says why it does not move.
      aria-disabled={undefined}
      aria-pressed={lifted || isDragging ? true : undefined}
      aria-roledescription="Draggable deal"
      aria-describedby={card.editable ? attributes["aria-describedby"] : `${attributes["aria-describedby"]} ${READ_ONLY_HINT_ID}`}
      title={card.editable ? undefined : "You can only move deals you own or work on"}
      onClick={(event) => actions?.open(card.id, event.metaKey || event.ctrlKey)}
      onAuxClick={(event) => event.button === 1 && actions?.open(card.id, true)}
      onKeyDown={(event) => actions?.onKey(card.id, event)}
      onBlur={() => actions?.onBlur(card.id)}
      onMouseEnter={() => actions?.prefetch(card.id)}
      onFocus={() => actions?.prefetch(card.id)}
      data-testid="board-card"
      data-card-id={card.id}
      data-readonly={card.editable ? undefined : ""}
      className={clsx(
        "group cursor-pointer rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-accent",
        card.editable && "touch-manipulation active:cursor-grabbing",
        isDragging && "opacity-40",
        lifted && "-translate-y-0.5 ring-2 ring-accent shadow-lg",
      )}
    >
      <CardBody card={card} rottingDays={rottingDays} context={context} />
    </div>
  );
});
