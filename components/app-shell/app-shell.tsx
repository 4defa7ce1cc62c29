import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import type { Actor } from "@/lib/server/auth/actor";
import { navItemsFor } from "./nav-items";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-border bg-surface px-3 py-4">
        <Link href="/" className="px-2.5 pb-6">
          <Logo />
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-col gap-1">
          {navItemsFor(actor.role).map((item) => (
            <NavLink key={item.href} item={item} />
          ))}
        </nav>
        <div className="mb-2 flex flex-col gap-0.5 border-t border-border pt-3 text-sm">
          <Link href="/settings/api-keys" className="rounded-md px-2.5 py-1.5 text-muted hover:bg-surface-muted hover:text-text">
            API keys
          </Link>
          <Link href="/api-docs" className="rounded-md px-2.5 py-1.5 text-muted hover:bg-surface-muted hover:text-text">
            API reference
          </Link>
        </div>
        <UserMenu actor={actor} />
      </aside>
      <main className="min-w-0 flex-1">{children}</main>
    </div>
  );
}
