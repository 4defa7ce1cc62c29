"use client";
// One open stage: header with SQL totals, then its cards, virtualised so a
// column of thousands mounts only the cards in view. The next page loads as
// the column is scrolled towards its end.
import { useDroppable } from "@dnd-kit/core";
import { SortableContext, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { defaultRangeExtractor, useVirtualizer, type Range } from "@tanstack/react-virtual";
import clsx from "clsx";
import { Loader2, Plus } from "lucide-react";
import Link from "next/link";
import { memo, useCallback, useEffect, useMemo, useRef } from "react";
import { formatMoney } from "@/lib/domain/money";
import type { BoardStage } from "@/lib/server/board/board";
import { SortableCard, type CardContext } from "./board-card";

export interface ColumnProps {
  stage: BoardStage;
  baseCurrency: string;
  context: CardContext;
  /** Where a card from another column would land (index), while dragging over this one. */
  dropIndex: number | null;
  /** The card being dragged when it comes from this column: always kept mounted. */
  activeId: string | null;
  /** The card picked up by keyboard, when it is in this column. */
  liftedId: string | null;
  /** The drop line follows the keyboard: keep it in view. */
  followDrop: boolean;
  /** Where the focus goes after a keyboard move: a card of this column, or the column itself. */
  focus: FocusTarget | null;
  onFocused: () => void;
  loadingMore: boolean;
  onLoadMore: (stageId: string) => void;
}

/** A card of a stage (once that stage's column holds it), or the stage's column itself. */
export type FocusTarget = { stageId: string; cardId?: string };

const ESTIMATED_CARD_HEIGHT = 124;
const GAP = 8;

export const BoardColumn = memo(function BoardColumn({ stage, baseCurrency, context, dropIndex, activeId, liftedId, followDrop, focus, onFocused, loadingMore, onLoadMore }: ColumnProps) {
  const { setNodeRef, isOver } = useDroppable({ id: `column:${stage.id}`, data: { type: "column", stageId: stage.id } });
  const scrollRef = useRef<HTMLDivElement>(null);
  const sectionRef = useRef<HTMLElement | null>(null);
  const ids = useMemo(() => stage.cards.map((c) => c.id), [stage.cards]);
  // The dragged or keyboard-lifted card stays mounted however the column scrolls.
  const keptId = activeId ?? liftedId;
  const activeIndex = keptId ? ids.indexOf(keptId) : -1;
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return activeIndex >= 0 && !indexes.includes(activeIndex) ? [...indexes, activeIndex].sort((a, b) => a - b) : indexes;
    },
    [activeIndex],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the column is not compiled by React Compiler; memo() guards it instead
  const virtualizer = useVirtualizer({
    count: stage.cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => ids[index],
    overscan: 6,
    gap: GAP,
    // The server has no scroll element: start from a typical column size so
    // that the server and the first client render show the same cards.
    initialRect: { width: 272, height: 720 },
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  // A keyboard move: the column and the drop line come into view.
  useEffect(() => {
    if (!followDrop || dropIndex === null) return;
    sectionRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
    if (stage.cards.length > 0) virtualizer.scrollToIndex(Math.min(dropIndex, stage.cards.length - 1), { align: "auto" });
  }, [followDrop, dropIndex, stage.cards.length, virtualizer]);

  // After a keyboard move the focus stays on the moved card (or, when it left the board, goes to its neighbour).
  useEffect(() => {
    if (!focus || focus.stageId !== stage.id) return;
    const cardId = focus.cardId;
    if (!cardId) {
      sectionRef.current?.focus();
      onFocused();
      return;
    }
    const index = ids.indexOf(cardId);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: "auto" });
    const frame = requestAnimationFrame(() => {
      const card = scrollRef.current?.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(cardId)}"]`);
      if (!card) return;
      card.focus();
      onFocused();
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, ids, stage.id, virtualizer, onFocused]);

  useEffect(() => {
    if (stage.nextCursor && !loadingMore && lastIndex >= stage.cards.length - 10) onLoadMore(stage.id);
  }, [lastIndex, stage.cards.length, stage.nextCursor, stage.id, loadingMore, onLoadMore]);

  return (
    <section
      ref={(node) => {
        setNodeRef(node);
        sectionRef.current = node;
      }}
      tabIndex={-1}
      aria-label={`${stage.name}: ${stage.totals.count} deals`}
      data-testid="board-column"
      data-stage-name={stage.name}
      data-loaded={stage.cards.length}
      className={clsx("flex h-full w-[85vw] max-w-80 shrink-0 snap-start flex-col rounded-xl border bg-surface-muted/70 outline-none transition focus-visible:ring-2 focus-visible:ring-accent sm:w-72", isOver || dropIndex !== null ? "border-accent/60 bg-accent-soft/40" : "border-border")}
    >
      <header className="border-b border-border px-3 pb-2.5 pt-3" style={{ boxShadow: `inset 0 3px 0 0 ${stage.color}` }}>
        <div className="flex items-center justify-between gap-2">
          <h2 className="truncate text-sm font-semibold">{stage.name}</h2>
          <div className="flex items-center gap-1">
            <span className="rounded-full bg-surface px-2 py-0.5 text-xs font-medium text-muted tabular ring-1 ring-border" data-testid="column-count">
              {stage.totals.count.toLocaleString("en-US")}
            </span>
            <Link
              href={`/opportunities/new?stageId=${stage.id}`}
              aria-label={`Add a deal to ${stage.name}`}
              title={`Add a deal to ${stage.name}`}
              className="rounded-md p-1 text-muted transition hover:bg-surface hover:text-accent"
            >
              <Plus className="size-3.5" aria-hidden="true" />
            </Link>
          </div>
        </div>
        <div className="mt-1 flex items-baseline justify-between gap-2 text-xs tabular">
          <span className="font-medium" data-testid="column-amount" title={formatMoney(stage.totals.amount, baseCurrency)}>
            {formatMoney(stage.totals.amount, baseCurrency, { compact: true })}
          </span>
          <span className="text-muted" title={`Weighted: ${formatMoney(stage.totals.weighted, baseCurrency)}`} data-testid="column-weighted">
            {formatMoney(stage.totals.weighted, baseCurrency, { compact: true })} weighted · {stage.probability}%
          </span>
        </div>
      </header>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto p-2" data-testid="column-scroll">
        <SortableContext id={stage.id} items={ids} strategy={verticalListSortingStrategy}>
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => (
              <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="absolute left-0 w-full" style={{ top: item.start }}>
                <SortableCard card={stage.cards[item.index]} stageId={stage.id} rottingDays={stage.rottingDays} context={context} lifted={liftedId === ids[item.index]} />
              </div>
            ))}
            {dropIndex !== null ? <DropLine top={dropIndex < stage.cards.length ? (virtualizer.measurementsCache[dropIndex]?.start ?? 0) - GAP / 2 : virtualizer.getTotalSize() + 2} /> : null}
          </div>
        </SortableContext>
        {stage.cards.length === 0 ? <p className="px-2 py-8 text-center text-xs text-muted">No deals here. Drop one to start.</p> : null}
        {loadingMore ? (
          <p className="flex items-center justify-center gap-1.5 py-2 text-xs text-muted">
            <Loader2 className="size-3 animate-spin" aria-hidden="true" /> Loading more…
          </p>
        ) : null}
      </div>
    </section>
  );
});

function DropLine({ top }: { top: number }) {
  return <div aria-hidden="true" data-testid="drop-line" className="pointer-events-none absolute left-1 right-1 h-1 -translate-y-1/2 rounded-full bg-accent" style={{ top }} />;
}
