"use client";
// Colleagues' changes on the board as they happen: each opportunity event of
// this pipeline (or of a card the board shows) queues the card's id; a moment
// later the board asks the server for just those cards as this user sees them
// with these filters, and for fresh totals (/api/board/cards), and puts each
// card where it now belongs (applyLiveCards). Nothing is applied while a card
// is being dragged, the lost-reason dialog is open or a move of this user's is
// on its way: the queue waits for the drop. A card already showing the event's
// version (this user's own move) is not asked for again.
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLiveEvents } from "@/components/live/live-events";
import type { BoardData } from "@/lib/server/board/board";
import { BOARD_CARDS_MAX, type BoardFilters } from "@/lib/validation/board";
import { fetchCards } from "./board-api";
import { applyLiveCards, findCard } from "./board-cache";

const GATHER_MS = 100;
const BUSY_RETRY_MS = 250;

interface Params {
  client: QueryClient;
  queryKey: readonly unknown[];
  pipelineId: string;
  filters: BoardFilters;
  paused: boolean;
}

/** The ids waiting to be asked for, and the one request at a time that asks. */
class LiveBoardQueue {
  private params!: Params;
  private readonly ids = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  /** The board's current key, filters and whether a drag is under way. */
  update(params: Params): void {
    this.params = params;
    // After the drop (or the dialog), what arrived meanwhile.
    if (!params.paused) this.schedule(0);
  }

  add(id: string): void {
    this.ids.add(id);
    this.schedule(GATHER_MS);
  }

  schedule(ms: number): void {
    if (this.ids.size && !this.timer) this.timer = setTimeout(() => void this.flush(), ms);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const { client, queryKey, pipelineId, filters, paused } = this.params;
    if (paused || this.running || client.isMutating() > 0) return this.schedule(BUSY_RETRY_MS);
    const ids = [...this.ids];
    this.ids.clear();
    if (ids.length > BOARD_CARDS_MAX) {
      void client.invalidateQueries({ queryKey });
      return;
    }
    this.running = true;
    try {
      const update = await fetchCards(pipelineId, filters, ids);
      client.setQueryData<BoardData>(queryKey, (d) => (d ? applyLiveCards(d, ids, update) : d));
    } catch {
      // The next change or the window's focus brings the board up to date.
    } finally {
      this.running = false;
    }
  }
}

export function useLiveBoard(options: Omit<Params, "client">) {
  const client = useQueryClient();
  const [queue] = useState(() => new LiveBoardQueue());
  useEffect(() => {
    queue.update({ ...options, client });
  });
  useEffect(() => () => queue.stop(), [queue]);

  useLiveEvents((message) => {
    const { queryKey, pipelineId } = options;
    if (message.type === "reset") {
      void client.invalidateQueries({ queryKey });
      return;
    }
    if (message.recordType !== "opportunity") return;
    const data = client.getQueryData<BoardData>(queryKey);
    const shown = data ? findCard(data, message.id) : null;
    if (!shown && message.pipelineId !== pipelineId) return;
    if (shown && message.version !== undefined && shown.card.version >= message.version) return;
    queue.add(message.id);
  });
}
