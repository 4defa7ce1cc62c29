import { SettingsNav } from "@/components/settings/settings-nav";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

// Everyone has personal settings (API keys); admins also shape the CRM.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="flex min-h-screen">
      <aside className="w-56 shrink-0 border-r border-border bg-surface-muted/40 px-3 py-6">
        <p className="px-2.5 pb-3 text-xs font-semibold uppercase tracking-wide text-muted">Settings</p>
        <SettingsNav admin={isAdmin(actor)} />
      </aside>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
