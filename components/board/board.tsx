"use client";
// The pipeline board: columns of open stages, Won/Lost drop zones, drag and
// drop by mouse, touch and keyboard (dnd-kit), optimistic moves, paging per
// column and a refresh whenever the window regains focus.
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { sortableKeyboardCoordinates } from "@dnd-kit/sortable";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { useCallback, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { neighboursAt } from "@/lib/domain/rank";
import type { BoardData } from "@/lib/server/board/board";
import type { BoardFilters } from "@/lib/validation/board";
import type { LostDetailsForm } from "@/lib/validation/move";
import { boardKeys, fetchBoard, fetchColumnPage } from "./board-api";
import { CardBody, type CardContext } from "./board-card";
import { appendPage, keepLoadedTail, loadedCounts } from "./board-cache";
import { BoardColumn } from "./board-column";
import { boardCollision, dropData, isBelow } from "./board-dnd";
import { BoardToolbar } from "./board-toolbar";
import { ClosedZones } from "./closed-zones";
import { LostDialog } from "@/components/opportunities/lost-dialog";
import { useBoardMove } from "./use-board-move";

interface Target {
  stageId: string;
  index: number;
}

export function Board({ initial, filters, today, nowMs }: { initial: BoardData; filters: BoardFilters; today: string; nowMs: number }) {
  const pipelineId = initial.pipeline.id;
  const queryKey = useMemo(() => boardKeys.board(pipelineId, filters), [pipelineId, filters]);
  const client = useQueryClient();
  const { data = initial } = useQuery({
    queryKey,
    // A refresh (window focus) reloads as many cards as each column shows, so
    // a column scrolled past its first page keeps its cards and its scroll.
    queryFn: async () => {
      const before = client.getQueryData<BoardData>(queryKey);
      const fresh = await fetchBoard(pipelineId, filters, before ? loadedCounts(before) : {});
      const shown = client.getQueryData<BoardData>(queryKey);
      return shown ? keepLoadedTail(fresh, shown) : fresh;
    },
    initialData: initial,
    staleTime: 0,
    refetchOnMount: false,
    // A refresh must not overwrite a move the server has not answered yet.
    refetchOnWindowFocus: () => client.isMutating() === 0,
  });
  const move = useBoardMove({ queryKey, pipelineId, filters });

  const [activeId, setActiveId] = useState<string | null>(null);
  const [hint, setHint] = useState<Target | null>(null);
  const [lostMove, setLostMove] = useState<{ cardId: string; stageId: string; title: string } | null>(null);
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());

  const lookup = useMemo(() => {
    const map = new Map<string, { stageId: string; index: number }>();
    for (const s of data.stages) s.cards.forEach((c, index) => map.set(c.id, { stageId: s.id, index }));
    return map;
  }, [data]);
  const stageById = useMemo(() => new Map(data.stages.map((s) => [s.id, s])), [data.stages]);
  const cardOf = (id: string) => {
    const at = lookup.get(id);
    return at ? stageById.get(at.stageId)!.cards[at.index] : null;
  };
  const context: CardContext = useMemo(
    () => ({ today, nowMs, labels: new Map(data.labels.map((l) => [l.key, { name: l.name, color: l.color }])) }),
    [today, nowMs, data.labels],
  );

  // Columns being paged right now; read and written only in the callback.
  const inFlight = useRef(new Set<string>());
  const onLoadMore = useCallback(
    async (stageId: string) => {
      const cursor = client.getQueryData<BoardData>(queryKey)?.stages.find((s) => s.id === stageId)?.nextCursor;
      if (!cursor || inFlight.current.has(stageId)) return;
      inFlight.current.add(stageId);
      setLoading((l) => new Set(l).add(stageId));
      try {
        const page = await fetchColumnPage(stageId, filters, cursor);
        client.setQueryData<BoardData>(queryKey, (d) => (d ? appendPage(d, stageId, page.cards, page.nextCursor) : d));
      } catch (error) {
        toast.error("More deals could not be loaded", { description: (error as Error).message });
      } finally {
        inFlight.current.delete(stageId);
        setLoading((l) => {
          const next = new Set(l);
          next.delete(stageId);
          return next;
        });
      }
    },
    [client, filters, queryKey],
  );

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 5 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 180, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  /** Where a drop over `over` puts the active card, or null for no move. */
  function targetOf(event: DragOverEvent | DragEndEvent): Target | null {
    const { active, over } = event;
    const target = dropData(over);
    const from = lookup.get(String(active.id));
    if (!over || !target || !from) return null;
    const stage = stageById.get(target.stageId);
    if (!stage) return null;
    if (target.type === "zone") return { stageId: stage.id, index: 0 };
    const others = stage.cards.filter((c) => c.id !== active.id);
    if (target.type === "column") return { stageId: stage.id, index: others.length };
    const overIndex = stage.cards.findIndex((c) => c.id === over.id);
    if (overIndex < 0) return null;
    if (from.stageId === stage.id) return { stageId: stage.id, index: overIndex };
    return { stageId: stage.id, index: overIndex + (isBelow(active.rect.current.translated, over.rect) ? 1 : 0) };
  }

  function commit(cardId: string, target: Target, lost?: LostDetailsForm) {
    const card = cardOf(cardId);
    const stage = stageById.get(target.stageId);
    if (!card || !stage) return;
    const neighbours = stage.type === "OPEN" ? neighboursAt(stage.cards.filter((c) => c.id !== cardId), target.index) : { beforeId: null, afterId: null };
    void move.run({ cardId, toStageId: stage.id, index: target.index, title: card.title, version: card.version, ...neighbours, ...(lost ? { lost } : {}) });
  }

  function onDragStart(event: DragStartEvent) {
    setActiveId(String(event.active.id));
  }

  function onDragOver(event: DragOverEvent) {
    const target = targetOf(event);
    const from = lookup.get(String(event.active.id));
    const crossColumn = target && from && target.stageId !== from.stageId && stageById.get(target.stageId)?.type === "OPEN";
    setHint((h) => (crossColumn ? (h?.stageId === target.stageId && h.index === target.index ? h : target) : null));
  }

  function onDragEnd(event: DragEndEvent) {
    const cardId = String(event.active.id);
    const target = targetOf(event);
    const from = lookup.get(cardId);
    setActiveId(null);
    setHint(null);
    if (!target || !from) return;
    const stage = stageById.get(target.stageId)!;
    if (stage.id === from.stageId && target.index === from.index) return;
    if (stage.type === "LOST") {
      setLostMove({ cardId, stageId: stage.id, title: cardOf(cardId)?.title ?? "" });
      return;
    }
    commit(cardId, target);
  }

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${cardOf(String(active.id))?.title ?? "deal"}. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => {
      const title = cardOf(String(active.id))?.title ?? "Deal";
      const target = dropData(over);
      if (over?.id === active.id) return undefined; // still in its own place: keep the pick-up instructions
      if (!target) return `${title} is not over a stage.`;
      const stage = stageById.get(target.stageId);
      if (target.type === "zone") return `${title} is over ${stage?.name}. Drop to mark it ${stage?.type === "WON" ? "won" : "lost"}.`;
      const index = target.type === "card" ? (lookup.get(String(over!.id))?.index ?? 0) + 1 : (stage?.cards.length ?? 0) + 1;
      return `${title} is over ${stage?.name}, position ${index} of ${stage?.totals.count ?? 0}.`;
    },
    onDragEnd: ({ active, over }) => {
      const stage = stageById.get(dropData(over)?.stageId ?? "");
      return stage ? `Dropped ${cardOf(String(active.id))?.title ?? "deal"} in ${stage.name}.` : `Dropped ${cardOf(String(active.id))?.title ?? "deal"}; it stays where it was.`;
    },
    onDragCancel: ({ active }) => `Cancelled. ${cardOf(String(active.id))?.title ?? "The deal"} went back to where it was.`,
  };

  const open = data.stages.filter((s) => s.type === "OPEN");
  const closed = data.stages.filter((s) => s.type !== "OPEN");
  const active = activeId ? cardOf(activeId) : null;
  const activeStageId = activeId ? lookup.get(activeId)?.stageId : undefined;

  return (
    // Below md the app shell's top bar (3.5rem) sits above the board.
    <div className="flex h-[calc(100dvh-3.5rem)] select-none flex-col md:h-screen">
      <BoardToolbar data={data} filters={filters} />
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollision}
        // Scroll a column only when the pointer is really at its edge, not on the way to Won or Lost.
        autoScroll={{ threshold: { x: 0.15, y: 0.08 } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => {
          setActiveId(null);
          setHint(null);
        }}
        accessibility={{
          announcements,
          screenReaderInstructions: { draggable: "To pick up a deal, press Space or Enter. Use the arrow keys to move it between and within stages. Press Space or Enter again to drop it, or Escape to cancel." },
        }}
      >
        {/* On a phone a column is most of the screen wide and swiping snaps to the next one; never while dragging, when dnd-kit scrolls. */}
        <div
          className={clsx("flex min-h-0 flex-1 scroll-px-3 gap-3 overflow-x-auto px-3 py-3 md:px-6 md:py-4", activeId === null && "snap-x snap-mandatory md:snap-none")}
          data-testid="board"
        >
          {open.map((stage) => (
            <BoardColumn
              key={stage.id}
              stage={stage}
              baseCurrency={data.baseCurrency}
              context={context}
              dropIndex={hint?.stageId === stage.id ? hint.index : null}
              activeId={activeStageId === stage.id ? activeId : null}
              loadingMore={loading.has(stage.id)}
              onLoadMore={onLoadMore}
            />
          ))}
        </div>
        <ClosedZones stages={closed} baseCurrency={data.baseCurrency} dragging={activeId !== null} />
        <DragOverlay dropAnimation={null}>
          {active ? <div className="w-[268px]"><CardBody card={active} rottingDays={stageById.get(activeStageId ?? "")?.rottingDays ?? null} context={context} overlay /></div> : null}
        </DragOverlay>
      </DndContext>
      {lostMove ? (
        <LostDialog
          title={lostMove.title}
          reasons={data.lostReasons}
          onCancel={() => setLostMove(null)}
          onConfirm={(details) => {
            commit(lostMove.cardId, { stageId: lostMove.stageId, index: 0 }, details);
            setLostMove(null);
          }}
        />
      ) : null}
    </div>
  );
}
