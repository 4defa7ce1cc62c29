"use client";
// Plans an activity: type (icon buttons), subject, due date and optional time,
// assignee (me by default). The same composer schedules a follow-up after
// marking one done. Validated by the shared schema on the server; its field
// errors are shown beside the fields.
import clsx from "clsx";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, inputClass } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import { createActivityAction } from "@/lib/actions/activities";
import type { ActivityTypeDto } from "@/lib/server/activities/types";
import { ActivityIcon } from "./activity-icon";

export interface ComposerLinks {
  opportunityId?: string;
  accountId?: string;
  contactId?: string;
}

export function ActivityComposer({
  links,
  types,
  people,
  me,
  initial,
  idPrefix = "activity",
  onDone,
  onCancel,
  submitLabel = "Add activity",
}: {
  links: ComposerLinks;
  types: ActivityTypeDto[];
  people: { id: string; name: string }[];
  me: string;
  initial?: { typeId?: string; subject?: string; dueDate?: string };
  idPrefix?: string;
  onDone?: () => void;
  onCancel?: () => void;
  submitLabel?: string;
}) {
  const active = types.filter((t) => t.active);
  const [typeId, setTypeId] = useState(initial?.typeId ?? active[0]?.id ?? "");
  const [subject, setSubject] = useState(initial?.subject ?? "");
  const [dueDate, setDueDate] = useState(initial?.dueDate ?? "");
  const [dueTime, setDueTime] = useState("");
  const [assigneeId, setAssigneeId] = useState(me);
  const create = useAction(createActivityAction, {
    success: "Activity planned",
    onSuccess: () => {
      setSubject("");
      setDueTime("");
      onDone?.();
    },
  });
  const errors = create.fieldErrors;
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        void create.run({ ...links, typeId, subject, dueDate: dueDate || null, dueTime: dueTime || null, assigneeId });
      }}
    >
      <div role="radiogroup" aria-label="Type" className="flex flex-wrap gap-1.5">
        {active.map((t) => (
          <button
            key={t.id}
            type="button"
            role="radio"
            aria-checked={typeId === t.id}
            onClick={() => setTypeId(t.id)}
            className={clsx(
              "inline-flex items-center gap-1 rounded-lg border px-2.5 py-1.5 text-xs font-medium",
              typeId === t.id ? "border-accent bg-accent/10 text-accent" : "border-border text-muted hover:text-text",
            )}
          >
            <ActivityIcon icon={t.icon} /> {t.name}
          </button>
        ))}
      </div>
      <Field id={id("subject")} label="Subject" error={errors.subject} required>
        <input {...fieldAria(id("subject"), errors.subject)} className={inputClass(!!errors.subject)} value={subject} maxLength={200} onChange={(e) => setSubject(e.target.value)} placeholder="Call to discuss the offer" />
      </Field>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        <Field id={id("due")} label="Due date" error={errors.dueDate}>
          <input type="date" {...fieldAria(id("due"), errors.dueDate)} className={inputClass(!!errors.dueDate)} value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
        <Field id={id("time")} label="Time (UTC)" error={errors.dueTime}>
          <input type="time" {...fieldAria(id("time"), errors.dueTime)} className={inputClass(!!errors.dueTime)} value={dueTime} onChange={(e) => setDueTime(e.target.value)} />
        </Field>
        <Field id={id("assignee")} label="Assignee" error={errors.assigneeId} className="col-span-2 sm:col-span-1">
          <select {...fieldAria(id("assignee"), errors.assigneeId)} className={inputClass(!!errors.assigneeId)} value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>{p.id === me ? `${p.name} (me)` : p.name}</option>
            ))}
          </select>
        </Field>
      </div>
      <div className="flex justify-end gap-2">
        {onCancel ? <Button onClick={onCancel}>Not now</Button> : null}
        <Button type="submit" variant="primary" disabled={create.pending}>{submitLabel}</Button>
      </div>
    </form>
  );
}
