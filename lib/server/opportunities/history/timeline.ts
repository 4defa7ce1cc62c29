// An opportunity's history for its detail page: stage changes (with the days
// spent in the stage it left), status changes, tracked field edits, activities
// done and notes, newest first. Only for opportunities the actor may see (its
// activities and notes are seen with it).
import { prisma } from "@/lib/db";
import type { Actor } from "../../auth/actor";
import { notFound } from "../../errors";
import { isoTimestamp } from "../../serialize";
import { visibleById } from "../read/get";

export type TimelineEntry =
  | {
      kind: "stage";
      id: string;
      at: string;
      by: string | null;
      fromStage: string | null;
      toStage: string;
      fromStatus: "OPEN" | "WON" | "LOST" | null;
      toStatus: "OPEN" | "WON" | "LOST";
      /** Whole days spent in the previous stage; null for the creation entry. */
      daysInPreviousStage: number | null;
    }
  | { kind: "field"; id: string; at: string; by: string | null; field: string; oldValue: string | null; newValue: string | null }
  | { kind: "activity"; id: string; at: string; by: string | null; subject: string; type: string; icon: string }
  | { kind: "note"; id: string; at: string; by: string | null; body: string; pinned: boolean };

export type TimelineKind = TimelineEntry["kind"];

const DAY_MS = 86_400_000;

export async function opportunityTimeline(actor: Actor, opportunityId: string): Promise<TimelineEntry[]> {
  const visible = await prisma().opportunity.count({ where: visibleById(actor, opportunityId) });
  if (!visible) throw notFound("Opportunity");
  const [stages, fields, done, notes] = await Promise.all([
    prisma().stageChange.findMany({
      where: { opportunityId },
      orderBy: [{ changedAt: "asc" }, { id: "asc" }],
      include: { fromStage: { select: { name: true } }, toStage: { select: { name: true } }, changedBy: { select: { name: true } } },
    }),
    prisma().opportunityFieldChange.findMany({
      where: { opportunityId },
      orderBy: [{ changedAt: "asc" }, { id: "asc" }],
      include: { changedBy: { select: { name: true } } },
    }),
    prisma().activity.findMany({
      where: { opportunityId, done: true },
      include: { type: { select: { name: true, icon: true } }, doneBy: { select: { name: true } } },
    }),
    prisma().note.findMany({ where: { opportunityId }, include: { author: { select: { name: true } } } }),
  ]);
  // Owner changes store user ids; show names.
  const userIds = [...new Set(fields.filter((f) => f.field === "ownerId").flatMap((f) => [f.oldValue, f.newValue]).filter((v): v is string => !!v))];
  const names = new Map((await prisma().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const entries: TimelineEntry[] = stages.map((s, i) => ({
    kind: "stage",
    id: s.id,
    at: isoTimestamp(s.changedAt)!,
    by: s.changedBy?.name ?? null,
    fromStage: s.fromStage?.name ?? (s.fromStageId ? "(deleted stage)" : null),
    toStage: s.toStage?.name ?? "(deleted stage)",
    fromStatus: s.fromStatus,
    toStatus: s.toStatus,
    daysInPreviousStage: i === 0 || !s.fromStageId ? null : Math.floor((s.changedAt.getTime() - stages[i - 1].changedAt.getTime()) / DAY_MS),
  }));
  for (const f of fields) {
    const show = (v: string | null) => (f.field === "ownerId" && v ? (names.get(v) ?? "(removed user)") : v);
    entries.push({ kind: "field", id: f.id, at: isoTimestamp(f.changedAt)!, by: f.changedBy?.name ?? null, field: f.field, oldValue: show(f.oldValue), newValue: show(f.newValue) });
  }
  for (const a of done) entries.push({ kind: "activity", id: a.id, at: isoTimestamp(a.doneAt)!, by: a.doneBy?.name ?? null, subject: a.subject, type: a.type.name, icon: a.type.icon });
  for (const n of notes) entries.push({ kind: "note", id: n.id, at: isoTimestamp(n.createdAt)!, by: n.author?.name ?? null, body: n.body, pinned: n.pinned });
  return entries.sort((a, b) => (a.at === b.at ? b.id.localeCompare(a.id) : b.at.localeCompare(a.at)));
}
