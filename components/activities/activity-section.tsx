"use client";
// A record's activities: the composer, the upcoming list (overdue in red) and
// the last done ones. Marking one done offers to plan the follow-up at once.
import clsx from "clsx";
import { Trash2 } from "lucide-react";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { IconButton } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { formatDate } from "@/components/opportunities/format";
import { deleteActivityAction, updateActivityAction } from "@/lib/actions/activities";
import { addDaysIso, clockOf, isOverdue } from "@/lib/domain/activities";
import type { ActivityDto } from "@/lib/server/activities/dto";
import type { RecordPanel } from "@/lib/server/activities/record-panel";
import { ActivityComposer, type ComposerLinks } from "./activity-composer";
import { ActivityIcon } from "./activity-icon";

export function dueLabel(a: Pick<ActivityDto, "dueDate" | "dueTime">): string {
  if (!a.dueDate) return "No date";
  return a.dueTime ? `${formatDate(a.dueDate)} ${a.dueTime}` : formatDate(a.dueDate);
}

function Row({ a, people, onDone }: { a: ActivityDto; people: Map<string, string>; onDone?: (a: ActivityDto) => void }) {
  const toggle = useAction(updateActivityAction);
  const remove = useAction(deleteActivityAction, { success: "Activity deleted" });
  const overdue = !a.done && isOverdue(a, clockOf(new Date()));
  return (
    <li className="flex items-start gap-3 py-2 text-sm" data-testid="activity-row">
      <input
        type="checkbox"
        className="mt-1 size-4 accent-[var(--accent)]"
        aria-label={a.done ? `Open “${a.subject}” again` : `Mark “${a.subject}” done`}
        checked={a.done}
        disabled={toggle.pending}
        onChange={async () => {
          const r = await toggle.run({ id: a.id, changes: { done: !a.done } });
          if (r.ok && r.data.done) onDone?.(r.data);
        }}
      />
      <div className="min-w-0 flex-1">
        <p className={clsx("flex items-center gap-1.5 font-medium", a.done && "text-muted line-through")}>
          <ActivityIcon icon={a.type.icon} label={a.type.name} /> <span className="truncate">{a.subject}</span>
        </p>
        <p className="text-xs text-muted">
          <span className={clsx(overdue && "font-semibold text-danger")} data-overdue={overdue || undefined}>{overdue ? `Overdue · ${dueLabel(a)}` : dueLabel(a)}</span>
          {" · "}
          {people.get(a.assigneeId) ?? "someone"}
        </p>
      </div>
      <IconButton label={`Delete “${a.subject}”`} disabled={remove.pending} onClick={() => remove.run({ id: a.id })}>
        <Trash2 className="size-3.5" aria-hidden="true" />
      </IconButton>
    </li>
  );
}

export function ActivitySection({ panel, links, me, canAdd = true }: { panel: RecordPanel; links: ComposerLinks; me: string; canAdd?: boolean }) {
  const people = new Map(panel.people.map((p) => [p.id, p.name]));
  const [followUp, setFollowUp] = useState<ActivityDto | null>(null);
  return (
    <div className="space-y-5">
      {canAdd ? <ActivityComposer links={links} types={panel.types} people={panel.people} me={me} /> : null}
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Upcoming ({panel.open.length})</h3>
        {panel.open.length ? (
          <ul className="divide-y divide-border" aria-label="Upcoming activities">
            {panel.open.map((a) => <Row key={a.id} a={a} people={people} onDone={canAdd ? setFollowUp : undefined} />)}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-amber-700 dark:text-amber-300" data-testid="no-next-activity">Nothing planned. Plan the next step so this deal does not stall.</p>
        )}
      </div>
      {panel.done.length ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Done ({panel.doneTotal})</h3>
          <ul className="divide-y divide-border" aria-label="Done activities">
            {panel.done.map((a) => <Row key={a.id} a={a} people={people} />)}
          </ul>
        </div>
      ) : null}
      <Dialog open={followUp !== null} onClose={() => setFollowUp(null)} title="Done. Plan the follow-up?" description={followUp ? `“${followUp.subject}” is marked done.` : undefined}>
        {followUp ? (
          <ActivityComposer
            links={links}
            types={panel.types}
            people={panel.people}
            me={me}
            idPrefix="follow-up"
            initial={{ typeId: followUp.typeId, subject: `Follow up: ${followUp.subject}`.slice(0, 200), dueDate: addDaysIso(clockOf(new Date()).date, 2) }}
            submitLabel="Plan follow-up"
            onDone={() => setFollowUp(null)}
            onCancel={() => setFollowUp(null)}
          />
        ) : null}
      </Dialog>
    </div>
  );
}
