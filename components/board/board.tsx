"use client";
// The pipeline board: columns of open stages, Won/Lost drop zones, drag and
// drop by mouse, touch and keyboard (dnd-kit), optimistic moves, paging per
// column, colleagues' changes live (use-live-board.ts) and a refresh whenever
// the window regains focus.
import {
  DndContext,
  DragOverlay,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
} from "@dnd-kit/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { toast } from "sonner";
import { neighboursAt } from "@/lib/domain/rank";
import type { BoardData } from "@/lib/server/board/board";
import type { BoardFilters } from "@/lib/validation/board";
import type { LostDetailsForm } from "@/lib/validation/move";
import { boardKeys, fetchBoard, fetchColumnPage } from "./board-api";
import { CardActionsContext, CardBody, READ_ONLY_HINT_ID, type CardActions, type CardContext } from "./board-card";
import { appendPage, keepLoadedTail, loadedCounts } from "./board-cache";
import { BoardColumn, type FocusTarget } from "./board-column";
import { describeTarget, isMoveKey, lineIndex, positionOf, step, type KeyTarget } from "./board-keyboard";
import { boardCollision, dropData, isBelow } from "./board-dnd";
import { BoardToolbar } from "./board-toolbar";
import { ClosedZones } from "./closed-zones";
import { LostDialog } from "@/components/opportunities/lost-dialog";
import { useBoardMove } from "./use-board-move";
import { useLiveBoard } from "./use-live-board";

type Target = KeyTarget;

/** A card picked up with the keyboard: where it was and where it would land. */
interface Lift {
  cardId: string;
  home: KeyTarget;
  target: KeyTarget;
}

const opportunityHref = (cardId: string) => `/opportunities/${cardId}`;

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
  const [lostMove, setLostMove] = useState<{ cardId: string; stageId: string; title: string; after: FocusTarget | null } | null>(null);
  const [lift, setLift] = useState<Lift | null>(null);
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const router = useRouter();
  const onFocused = useCallback(() => setFocus(null), []);
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  // Colleagues' changes arrive live, never under a card being dragged or a pending lost-reason choice.
  useLiveBoard({ queryKey, pipelineId, filters, paused: activeId !== null || lostMove !== null });

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
    () => ({ today, time: new Date(nowMs).toISOString().slice(11, 16), nowMs, labels: new Map(data.labels.map((l) => [l.key, { name: l.name, color: l.color }])) }),
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
    // No dnd-kit keyboard sensor: keyboard moves are the board's own (below), so that they reach empty columns and the Won and Lost zones.
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
      setLostMove({ cardId, stageId: stage.id, title: cardOf(cardId)?.title ?? "", after: null });
      return;
    }
    commit(cardId, target);
  }

  /** Where the focus goes when a card leaves the board: the card now in its place, the one above, or its column. */
  function neighbourOf(cardId: string): FocusTarget | null {
    const at = lookup.get(cardId);
    if (!at) return null;
    const others = stageById.get(at.stageId)!.cards.filter((c) => c.id !== cardId);
    const next = others[at.index] ?? others[at.index - 1];
    return { stageId: at.stageId, cardId: next?.id };
  }

  function drop(l: Lift) {
    setLift(null);
    const card = cardOf(l.cardId);
    const stage = stageById.get(l.target.stageId);
    if (!card || !stage) return;
    if (stage.id === l.home.stageId && l.target.index === l.home.index) {
      setAnnouncement(`${card.title} dropped where it was.`);
      return;
    }
    if (stage.type === "LOST") {
      setAnnouncement(`${card.title}: choose why it was lost.`);
      setLostMove({ cardId: card.id, stageId: stage.id, title: card.title, after: neighbourOf(card.id) });
      return;
    }
    if (stage.type === "WON") {
      setFocus(neighbourOf(card.id));
      setAnnouncement(`${card.title} marked as won.`);
    } else {
      const at = positionOf(data.stages, card.id, l.home, l.target)!;
      setFocus({ stageId: stage.id, cardId: card.id });
      setAnnouncement(`${card.title} moved to ${stage.name}, position ${at.position} of ${at.of}.`);
    }
    commit(card.id, l.target);
  }

  /** The keys of a focused card: Enter opens it; Space picks it up, then arrows move it, Space or Enter drops, Escape cancels. */
  function onCardKey(cardId: string, event: React.KeyboardEvent) {
    const card = cardOf(cardId);
    if (!card || event.altKey || event.ctrlKey || event.metaKey) return;
    if (lift?.cardId === cardId) {
      if (isMoveKey(event.key)) {
        event.preventDefault();
        const target = step(data.stages, cardId, lift.target, event.key);
        setLift({ ...lift, target });
        setAnnouncement(describeTarget(data.stages, cardId, card.title, lift.home, target));
      } else if (event.key === " " || event.key === "Enter") {
        event.preventDefault();
        drop(lift);
      } else if (event.key === "Escape") {
        event.preventDefault();
        setLift(null);
        setAnnouncement(`Cancelled. ${card.title} stays where it was.`);
      }
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      router.push(opportunityHref(cardId));
    } else if (event.key === " ") {
      event.preventDefault();
      if (!card.editable) {
        setAnnouncement(`${card.title} is read only: you can only move deals you own or work on.`);
        return;
      }
      const home = lookup.get(cardId)!;
      setLift({ cardId, home, target: home });
      setAnnouncement(`Picked up ${card.title}, in ${stageById.get(home.stageId)?.name}, position ${home.index + 1} of ${stageById.get(home.stageId)?.totals.count}. Arrow keys move it: left and right change the stage (Won and Lost come after the last one), up and down the position. Space drops it, Escape cancels.`);
    }
  }

  // The cards get one stable object; it calls the latest handlers.
  const latest = useRef({ onCardKey, lift, router });
  useEffect(() => {
    latest.current = { onCardKey, lift, router };
  });
  const actions: CardActions = useMemo(
    () => ({
      open: (cardId, newTab) => (newTab ? window.open(opportunityHref(cardId), "_blank", "noopener") : latest.current.router.push(opportunityHref(cardId))),
      prefetch: (cardId) => latest.current.router.prefetch(opportunityHref(cardId)),
      onKey: (cardId, event) => latest.current.onCardKey(cardId, event),
      onBlur: (cardId) => {
        if (latest.current.lift?.cardId !== cardId) return;
        setLift(null);
        setAnnouncement("Cancelled: the deal stays where it was.");
      },
    }),
    [],
  );

  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${cardOf(String(active.id))?.title ?? "deal"}. Use the arrow keys to move it, Space to drop, Escape to cancel.`,
    onDragOver: ({ active, over }) => {
      const title = cardOf(String(active.id))?.title ?? "Deal";
      const target = dropData(over);
      if (over?.id === active.id) return undefined; // still in its own place: keep the pick-up instructions
      if (!target) return `${title} is not over a stage.`;
      const stage = stageById.get(target.stageId);
      if (target.type === "zone") return `${title} is over ${stage?.name}. Drop to mark it ${stage?.type === "WON" ? "won" : "lost"}.`;
      const home = lookup.get(String(active.id));
      const at = targetOf({ active, over } as DragOverEvent);
      return home && at ? describeTarget(data.stages, String(active.id), title, home, at) : `${title} is not over a stage.`;
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
  const keyLine = lift ? lineIndex(lift.home, lift.target) : null;

  return (
    // Below md the app shell's top bar (3.5rem) sits above the board.
    <div className="flex h-[calc(100dvh-3.5rem)] select-none flex-col md:h-screen">
      <BoardToolbar data={data} filters={filters} />
      <CardActionsContext value={actions}>
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
            screenReaderInstructions: { draggable: "Press Enter to open the deal. To move it, press Space, then the arrow keys: left and right change the stage, Won and Lost coming after the last one; up and down the position. Press Space again to drop it, or Escape to cancel." },
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
                dropIndex={lift ? (lift.target.stageId === stage.id ? keyLine : null) : hint?.stageId === stage.id ? hint.index : null}
                activeId={activeStageId === stage.id ? activeId : null}
                liftedId={lift?.home.stageId === stage.id ? lift.cardId : null}
                followDrop={lift?.target.stageId === stage.id}
                focus={focus}
                onFocused={onFocused}
                loadingMore={loading.has(stage.id)}
                onLoadMore={onLoadMore}
              />
            ))}
          </div>
          <ClosedZones stages={closed} baseCurrency={data.baseCurrency} dragging={activeId !== null || lift !== null} targetId={lift?.target.stageId ?? null} />
          <DragOverlay dropAnimation={null}>
            {active ? <div className="w-[268px]"><CardBody card={active} rottingDays={stageById.get(activeStageId ?? "")?.rottingDays ?? null} context={context} overlay /></div> : null}
          </DragOverlay>
        </DndContext>
      </CardActionsContext>
      {lostMove ? (
        <LostDialog
          title={lostMove.title}
          reasons={data.lostReasons}
          onCancel={() => {
            const home = lookup.get(lostMove.cardId);
            if (home) setFocus({ stageId: home.stageId, cardId: lostMove.cardId });
            setLostMove(null);
          }}
          onConfirm={(details) => {
            commit(lostMove.cardId, { stageId: lostMove.stageId, index: 0 }, details);
            if (lostMove.after) setFocus(lostMove.after);
            setLostMove(null);
          }}
        />
      ) : null}
      <div role="status" aria-live="assertive" aria-atomic="true" className="sr-only" data-testid="board-announcer">
        {announcement}
      </div>
      <p id={READ_ONLY_HINT_ID} hidden>
        Read only: you can only move deals you own or work on.
      </p>
    </div>
  );
}
