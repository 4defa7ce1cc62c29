"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { EVENT_TYPES, RECORD_TYPES } from "@/lib/domain/events";
import { createWebhookAction, updateWebhookAction } from "@/lib/actions/webhooks";
import type { WebhookEndpointDto } from "@/lib/server/webhooks/dto";
import { webhookCreateSchema, type WebhookCreateInput } from "@/lib/validation/webhooks";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { Field, fieldAria, inputClass } from "@/components/ui/field";
import { formFields, useAction } from "@/components/ui/use-action";

const RECORD_LABEL: Record<(typeof RECORD_TYPES)[number], string> = { opportunity: "opportunity", line_item: "line item", account: "account", contact: "contact", activity: "activity", note: "note" };

/** Add an endpoint (then its secret is shown once), or edit one: URL, description and the events it receives. */
export function WebhookDialog({ endpoint, onClose, onCreated }: { endpoint: WebhookEndpointDto | "new"; onClose: () => void; onCreated?: (secret: string, id: string) => void }) {
  const existing = endpoint === "new" ? null : endpoint;
  const form = useForm<WebhookCreateInput>({
    resolver: zodResolver(webhookCreateSchema),
    defaultValues: existing ? { url: existing.url, description: existing.description ?? "", eventTypes: existing.eventTypes } : { url: "", description: "", eventTypes: ["opportunity.*"] },
  });
  const known = (path: string) => path === "url" || path === "description" || path.startsWith("eventTypes");
  const create = useAction(createWebhookAction, { form: formFields(form.setError, known), failure: (e) => (e.fields ? null : e.message), success: "Endpoint added" });
  const update = useAction(updateWebhookAction, { form: formFields(form.setError, known), failure: (e) => (e.fields ? null : e.message), success: "Endpoint saved" });
  const { errors, isSubmitting } = form.formState;
  const selected = useWatch({ control: form.control, name: "eventTypes" }) ?? [];
  const everything = selected.includes("*");
  const typesError = errors.eventTypes?.message ?? errors.eventTypes?.root?.message;

  return (
    <Dialog open onClose={onClose} wide title={existing ? "Edit endpoint" : "Add a webhook endpoint"} description="Events are POSTed to it as JSON, signed with its secret. It receives only what you may see.">
      <form
        noValidate
        className="space-y-4"
        onSubmit={form.handleSubmit(async (values) => {
          const input = { ...values, description: values.description?.trim() ? values.description : null };
          if (existing) {
            const result = await update.run({ id: existing.id, ...input, version: existing.version });
            if (result.ok) onClose();
          } else {
            const result = await create.run(input);
            if (result.ok) onCreated?.(result.data.secret, result.data.id);
          }
        })}
      >
        <Field id="webhook-url" label="URL" required error={errors.url?.message} hint="https://… Private and loopback addresses only when the server allows them.">
          <input {...fieldAria("webhook-url", errors.url?.message)} className={inputClass()} placeholder="https://erp.example.com/hooks/pipeline" autoFocus inputMode="url" {...form.register("url")} />
        </Field>
        <Field id="webhook-description" label="Description" error={errors.description?.message}>
          <input {...fieldAria("webhook-description", errors.description?.message)} className={inputClass()} placeholder="What is it for? e.g. ERP orders" {...form.register("description")} />
        </Field>
        <fieldset aria-describedby={typesError ? "webhook-types-error" : undefined} className="space-y-2">
          <legend className="text-sm font-medium">Events</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" value="*" className="size-4 rounded border-border" {...form.register("eventTypes")} /> Everything, including record types added later
          </label>
          <div className="grid gap-3 sm:grid-cols-2">
            {RECORD_TYPES.map((record) => (
              <div key={record} className="rounded-lg border border-border p-3">
                <label className="flex items-center gap-2 text-sm font-medium">
                  <input type="checkbox" value={`${record}.*`} disabled={everything} className="size-4 rounded border-border" {...form.register("eventTypes")} /> All {RECORD_LABEL[record]} events
                </label>
                <div className="mt-2 space-y-1 pl-6">
                  {EVENT_TYPES.filter((t) => t.startsWith(`${record}.`)).map((t) => (
                    <label key={t} className="flex items-center gap-2 font-mono text-xs">
                      <input type="checkbox" value={t} disabled={everything || selected.includes(`${record}.*`)} className="size-3.5 rounded border-border" {...form.register("eventTypes")} /> {t}
                    </label>
                  ))}
                </div>
              </div>
            ))}
          </div>
          {typesError ? <p id="webhook-types-error" role="alert" className="text-xs font-medium text-danger">{typesError}</p> : null}
        </fieldset>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={isSubmitting || create.pending || update.pending}>{existing ? "Save" : "Add endpoint"}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
