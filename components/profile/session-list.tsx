// The user's active sessions: which browser, from where, since when, last
// active when; every one but this browser's can be signed out, and all the
// others at once. Times are worded on the server (no clock drift between
// the server's words and the browser's).
import { format, formatDistanceToNow } from "date-fns";
import { Monitor, Smartphone, TerminalSquare } from "lucide-react";
import { describeUserAgent, deviceLabel } from "@/lib/domain/user-agent";
import type { SessionDto } from "@/lib/server/sessions/manage";
import { EndOtherSessionsButton, EndSessionButton } from "./session-buttons";

function DeviceIcon({ userAgent }: { userAgent: string | null }) {
  const device = describeUserAgent(userAgent);
  const Icon = device.mobile ? Smartphone : device.os ? Monitor : TerminalSquare;
  return (
    <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-surface-muted text-muted">
      <Icon className="size-4" aria-hidden="true" />
    </span>
  );
}

function lastActive(session: SessionDto): string {
  if (session.current) return "Active now";
  const seen = new Date(session.lastSeenAt);
  return Date.now() - seen.getTime() < 2 * 60_000 ? "Active in the last minutes" : `Active ${formatDistanceToNow(seen, { addSuffix: true })}`;
}

export function SessionList({ sessions }: { sessions: SessionDto[] }) {
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-4">
      <ul className="-my-3 divide-y divide-border" aria-label="Active sessions">
        {sessions.map((s) => {
          const label = deviceLabel(describeUserAgent(s.userAgent));
          return (
            <li key={s.id} data-session-id={s.id} className="flex items-center gap-3 py-3">
              <DeviceIcon userAgent={s.userAgent} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="text-sm font-medium">{label}</span>
                  {s.current ? <span className="rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent">This browser</span> : null}
                </div>
                <p className="mt-0.5 text-xs text-muted">
                  {[s.ip, `Signed in ${format(new Date(s.createdAt), "d MMM yyyy, HH:mm")}`, lastActive(s)].filter(Boolean).join(" · ")}
                </p>
              </div>
              {s.current ? null : <EndSessionButton id={s.id} label={label} />}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap items-center justify-between gap-3 border-t border-border pt-4">
        <p className="text-xs text-muted">
          {others === 0 ? "You are signed in only here." : `${others} other ${others === 1 ? "session" : "sessions"}. Don't recognise one? Sign it out and change your password.`}
        </p>
        <EndOtherSessionsButton count={others} />
      </div>
    </div>
  );
}
