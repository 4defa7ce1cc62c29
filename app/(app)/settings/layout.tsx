import { SettingsNav } from "@/components/settings/settings-nav";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

// Everyone has personal settings (API keys); admins also shape the CRM.
export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      {/* A phone gets the sections as a strip that scrolls sideways above the page. */}
      <div className="shrink-0 border-b border-border bg-surface-muted/40 px-3 py-2 md:w-56 md:border-r md:border-b-0 md:py-6">
        <p className="hidden px-2.5 pb-3 text-xs font-semibold uppercase tracking-wide text-muted md:block">Settings</p>
        <SettingsNav admin={isAdmin(actor)} />
      </div>
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
