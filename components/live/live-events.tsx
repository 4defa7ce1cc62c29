"use client";
// One EventSource per browser tab (GET /api/stream), opened by the app's
// layout and shared by every screen through useLiveEvents. The browser
// reconnects by itself after a drop, sending the last id (Last-Event-ID);
// when the server refused (503 while full, 401 after sign-out) the source is
// closed, and it is opened again after a pause from the last position seen.
// `reset` (too far behind) reaches listeners as { type: "reset" }: reload.
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { LiveEvent } from "@/lib/server/live/hub";

export type LiveMessage = Omit<LiveEvent, "cursor"> | { type: "reset"; recordType?: undefined; id?: undefined };
type Listener = (message: LiveMessage) => void;

const LiveContext = createContext<Set<Listener> | null>(null);

const REOPEN_MS = 3000;

export function LiveEvents({ after, children }: { after: string; children: React.ReactNode }) {
  const [listeners] = useState(() => new Set<Listener>());
  const start = useRef(after);
  useEffect(() => {
    let source: EventSource | null = null;
    let last = start.current;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    const emit = (message: LiveMessage) => listeners.forEach((l) => l(message));
    const open = () => {
      source = new EventSource(`/api/stream?after=${encodeURIComponent(last)}`);
      source.onmessage = (e) => {
        if (e.lastEventId) last = e.lastEventId;
        emit(JSON.parse(e.data) as LiveMessage);
      };
      source.addEventListener("reset", (e) => {
        if ((e as MessageEvent).lastEventId) last = (e as MessageEvent).lastEventId;
        emit({ type: "reset" });
      });
      source.onerror = () => {
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        timer = setTimeout(open, REOPEN_MS);
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [listeners]);
  return <LiveContext.Provider value={listeners}>{children}</LiveContext.Provider>;
}

/** Calls `listener` (the latest one given) with every live message of this tab. */
export function useLiveEvents(listener: Listener): void {
  const listeners = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => {
    if (!listeners) return;
    const call: Listener = (m) => latest.current(m);
    listeners.add(call);
    return () => {
      listeners.delete(call);
    };
  }, [listeners]);
}
