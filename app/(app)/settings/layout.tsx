import { Forbidden } from "@/components/settings/forbidden";
import { SettingsNav } from "@/components/settings/settings-nav";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

// Non-admins get the 403 page for every settings URL; each page and every
// action re-checks the role on the server as well.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!isAdmin(actor)) return <Forbidden />;
  return (
    <div className="flex min-h-screen">
      <aside className="w-56 shrink-0 border-r border-border bg-surface-muted/40 px-3 py-6">
        <p className="px-2.5 pb-3 text-xs font-semibold uppercase tracking-wide text-muted">Settings</p>
        <SettingsNav />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
