import { AppShell } from "@/components/app-shell/app-shell";
import { LiveEvents } from "@/components/live/live-events";
import { requireActor } from "@/lib/server/auth/session";
import { outboxTail } from "@/lib/server/live/hub";
import { UserQueryProvider } from "../providers";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [actor, after] = await Promise.all([requireActor(), outboxTail()]);
  return (
    <UserQueryProvider key={actor.id}>
      {/* One live stream per tab, from the outbox position this page was rendered at. */}
      <LiveEvents after={after}>
        <AppShell actor={actor}>{children}</AppShell>
      </LiveEvents>
    </UserQueryProvider>
  );
}
