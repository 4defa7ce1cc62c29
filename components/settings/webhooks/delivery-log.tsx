"use client";

import Link from "next/link";
import { RotateCcw } from "lucide-react";
import clsx from "clsx";
import { redeliverWebhookAction } from "@/lib/actions/webhooks";
import type { WebhookAttemptDto, WebhookDeliveryDto } from "@/lib/server/webhooks/dto";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Pill } from "@/components/ui/pill";
import { TableHead } from "@/components/ui/table-head";
import { useAction } from "@/components/ui/use-action";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" }) : "");
const TONE = { DELIVERED: "success", FAILED: "danger", PENDING: "warning" } as const;
const LABEL = { DELIVERED: "Delivered", FAILED: "Failed", PENDING: "Pending" } as const;

export type DeliveryDetail = WebhookDeliveryDto & { attemptsLog: WebhookAttemptDto[]; body: unknown };

/** The endpoint's deliveries, newest first, a page at a time; the chosen one with every attempt and "Send again". */
export function DeliveryLog({ endpointId, deliveries, total, page, pageSize, selected }: {
  endpointId: string;
  deliveries: WebhookDeliveryDto[];
  total: number;
  page: number;
  pageSize: number;
  selected: DeliveryDetail | null;
}) {
  const base = `/settings/webhooks/${endpointId}`;
  const href = (p: number, delivery?: string) => `${base}?page=${p}${delivery ? `&delivery=${delivery}` : ""}`;
  const resend = useAction(redeliverWebhookAction, { success: "Queued again; it shows at the top of the log" });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className="space-y-6">
      <Card title="Deliveries" description={`${total} in all. Failed attempts are retried with growing waits for up to 3 days.`}>
        {deliveries.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-muted">Nothing sent yet. Send a test event to try the endpoint.</p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-sm" data-testid="deliveries-table">
              <TableHead columns={[{ label: "Event" }, { label: "Status" }, { label: "Attempts", right: true }, { label: "Last answer" }, { label: "Created" }]} />
              <tbody className="divide-y divide-border">
                {deliveries.map((d) => (
                  <tr key={d.id} className={clsx(selected?.id === d.id && "bg-accent-soft/40")}>
                    <td className="px-5 py-2.5">
                      <Link href={href(page, d.id)} scroll={false} className="font-mono text-xs font-medium text-accent hover:underline" aria-current={selected?.id === d.id ? "true" : undefined}>
                        {d.eventType}
                      </Link>
                    </td>
                    <td className="px-3 py-2.5"><Pill tone={TONE[d.status]}>{LABEL[d.status]}</Pill></td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{d.attempts}</td>
                    <td className="max-w-xs truncate px-3 py-2.5 text-xs text-muted">{d.lastStatusCode ?? d.lastError ?? (d.nextAttemptAt ? `next try ${when(d.nextAttemptAt)}` : "")}</td>
                    <td className="whitespace-nowrap px-5 py-2.5 text-xs text-muted">{when(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 ? (
          <nav aria-label="Delivery pages" className="flex items-center justify-between border-t border-border px-5 py-3 text-sm">
            {page > 1 ? <Link className={buttonClass("secondary", "sm")} href={href(page - 1)}>Newer</Link> : <span />}
            <span className="text-muted">Page {page} of {pages}</span>
            {page < pages ? <Link className={buttonClass("secondary", "sm")} href={href(page + 1)}>Older</Link> : <span />}
          </nav>
        ) : null}
      </Card>
      {selected ? (
        <Card
          title={`Delivery of ${selected.eventType}`}
          description={`${LABEL[selected.status]} · event ${selected.eventId ?? "(test)"} · delivery ${selected.id}`}
          actions={
            <Button size="sm" disabled={resend.pending} onClick={() => resend.run({ deliveryId: selected.id })}>
              <RotateCcw className="size-3.5" aria-hidden="true" /> Send again
            </Button>
          }
        >
          <div className="space-y-4 px-5 py-4" data-testid="delivery-detail">
            {selected.attemptsLog.length === 0 ? <p className="text-sm text-muted">No attempt yet{selected.nextAttemptAt ? `; the next at ${when(selected.nextAttemptAt)}` : ""}.</p> : null}
            <ol className="space-y-3">
              {selected.attemptsLog.map((a) => (
                <li key={a.number} className="rounded-lg border border-border p-3 text-sm">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <span className="font-medium">Attempt {a.number}</span>
                    <Pill tone={a.success ? "success" : "danger"}>{a.statusCode ?? "No answer"}</Pill>
                    <span className="text-xs text-muted">{when(a.startedAt)} · {a.durationMs} ms</span>
                  </div>
                  {a.error ? <p className="mt-1 text-xs text-danger">{a.error}</p> : null}
                  {a.responseBody ? <pre className="mt-2 max-h-40 overflow-auto rounded bg-surface-muted p-2 font-mono text-xs">{a.responseBody}</pre> : null}
                </li>
              ))}
            </ol>
            {selected.body ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">What was sent</summary>
                <pre className="mt-2 max-h-80 overflow-auto rounded bg-surface-muted p-3 font-mono text-xs">{JSON.stringify(selected.body, null, 2)}</pre>
              </details>
            ) : null}
          </div>
        </Card>
      ) : null}
    </div>
  );
}
