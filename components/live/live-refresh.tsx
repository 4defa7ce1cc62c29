"use client";
// Server-rendered screens follow colleagues' changes by rendering again
// (router.refresh keeps client state: selection, scroll, open menus): the
// Opportunities table on any opportunity change, a detail page on its own
// deal's changes (its lines' too) newer than the version it shows. Changes
// arriving together render once, and at most once a second.
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { useLiveEvents, type LiveMessage } from "./live-events";

const GATHER_MS = 100;
const MIN_GAP_MS = 1000;

/** Whether a message concerns the deal shown at `version` (a newer change of it, its lines, its removal from view). */
export function concernsDeal(m: LiveMessage, id: string, version: number): boolean {
  if (m.type === "reset") return true;
  if (m.recordType === "line_item") return m.opportunityId === id;
  if (m.recordType !== "opportunity" || m.id !== id) return false;
  return m.version === undefined || m.version > version;
}

export function LiveRefresh({ opportunity }: { opportunity?: { id: string; version: number } }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef(0);
  useLiveEvents((m) => {
    const relevant = opportunity ? concernsDeal(m, opportunity.id, opportunity.version) : m.type === "reset" || m.recordType === "opportunity";
    if (!relevant || timer.current) return;
    const wait = Math.max(GATHER_MS, lastRun.current + MIN_GAP_MS - Date.now());
    timer.current = setTimeout(() => {
      timer.current = null;
      lastRun.current = Date.now();
      router.refresh();
    }, wait);
  });
  return null;
}
