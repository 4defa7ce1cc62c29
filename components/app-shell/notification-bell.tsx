"use client";
// The bell: the unread count, polled every 10 seconds (and on focus) from
// GET /api/v1/notifications with the session, so new ones appear without a
// reload; a dialog lists the latest, each linking to its record.
import { useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import { Bell } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";
import { formatTimestamp } from "@/components/opportunities/format";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import type { NotificationDto } from "@/lib/server/notifications/read";

export const notificationKeys = { all: ["notifications"] as const };

interface NotificationPage {
  data: NotificationDto[];
  unread: number;
}

async function fetchNotifications(): Promise<NotificationPage> {
  const response = await fetch("/api/v1/notifications?limit=15", { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`Notifications could not be loaded (${response.status})`);
  return (await response.json()) as NotificationPage;
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const { data } = useQuery({ queryKey: notificationKeys.all, queryFn: fetchNotifications, refetchInterval: 10_000, refetchOnWindowFocus: true });
  const markRead = useAction(markNotificationReadAction, { invalidate: [notificationKeys.all] });
  const markAll = useAction(markAllNotificationsReadAction, { invalidate: [notificationKeys.all] });
  const unread = data?.unread ?? 0;
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        className="relative inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-muted hover:bg-surface-muted hover:text-text md:mb-2 md:self-start"
        data-testid="notification-bell"
      >
        <Bell className="size-5" aria-hidden="true" />
        {unread ? (
          <span className="absolute -right-0.5 -top-0.5 min-w-4 rounded-full bg-danger px-1 text-center text-[10px] font-semibold leading-4 text-white" data-testid="unread-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Notifications" description={unread ? `${unread} unread` : "You are all caught up."}>
        {data?.data.length ? (
          <ul className="-mx-2 max-h-[60vh] divide-y divide-border overflow-auto" aria-label="Notifications">
            {data.data.map((n) => (
              <li key={n.id} className={clsx("px-2 py-2", !n.read && "bg-accent-soft/60")}>
                <Link
                  href={n.link}
                  className="block hover:underline"
                  onClick={() => {
                    if (!n.read) void markRead.run({ id: n.id, read: true });
                    setOpen(false);
                  }}
                >
                  {!n.read ? <span className="mr-1.5 inline-block size-2 rounded-full bg-accent" aria-label="Unread" /> : null}
                  {n.title}
                </Link>
                <p className="mt-0.5 text-xs text-muted">{formatTimestamp(n.createdAt)}</p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-muted">No notifications yet.</p>
        )}
        {unread ? (
          <div className="mt-4 flex justify-end">
            <Button size="sm" disabled={markAll.pending} onClick={() => markAll.run({})}>Mark all read</Button>
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
