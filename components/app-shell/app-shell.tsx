import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import type { Actor } from "@/lib/server/auth/actor";
import { navItemsFor } from "./nav-items";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

// From the md breakpoint up a sidebar; on a phone the same element is a top
// bar (logo, icon-only navigation, avatar and sign-out) so the page keeps the
// full width. Rendered once either way, so each control exists once.
export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-1 border-b border-border bg-surface px-3 md:h-screen md:w-60 md:flex-col md:items-stretch md:gap-0 md:border-b-0 md:border-r md:py-4">
        <Link href="/" className="shrink-0 px-1 md:px-2.5 md:pb-6">
          {/* The name stays readable to screen readers when a narrow top bar shows the mark alone. */}
          <Logo className="[&>span]:sr-only min-[420px]:[&>span]:not-sr-only" />
        </Link>
        <nav aria-label="Main" className="flex min-w-0 flex-1 gap-1 overflow-x-auto md:flex-col md:overflow-visible">
          {navItemsFor(actor.role).map((item) => (
            <NavLink key={item.href} item={item} />
          ))}
        </nav>
        <div className="mb-2 hidden flex-col gap-0.5 border-t border-border pt-3 text-sm md:flex">
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
