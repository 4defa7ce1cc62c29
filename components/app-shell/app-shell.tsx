import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import type { Actor } from "@/lib/server/auth/actor";
import { navItemsFor } from "./nav-items";
import { NavLinks } from "./nav-link";
import { NotificationBell } from "./notification-bell";
import { UserMenu } from "./user-menu";

// From the md breakpoint up a sidebar; on a phone the same element is a top
// bar (logo, icon-only navigation, avatar and sign-out) so the page keeps the
// full width. Rendered once either way, so each control exists once. It is
// the page's banner; the first Tab stop is a link that skips it to the content.
export function AppShell({ actor, children }: { actor: Actor; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <a
        href="#content"
        className="sr-only rounded-md bg-accent px-3 py-2 text-sm font-medium text-on-accent focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-1 border-b border-border bg-surface px-3 md:h-screen md:w-60 md:flex-col md:items-stretch md:gap-0 md:border-b-0 md:border-r md:py-4">
        <Link href="/" className="shrink-0 px-1 md:px-2.5 md:pb-6">
          {/* The name stays readable to screen readers when a narrow top bar shows the mark alone. */}
          <Logo className="[&>span]:sr-only min-[420px]:[&>span]:not-sr-only" />
        </Link>
        <nav aria-label="Main" className="flex min-w-0 flex-1 gap-1 overflow-x-auto md:flex-col md:overflow-visible">
          <NavLinks items={navItemsFor(actor.role)} />
        </nav>
        <NotificationBell />
        <UserMenu actor={actor} />
      </header>
      <main id="content" tabIndex={-1} className="min-w-0 flex-1 outline-none">
        {children}
      </main>
    </div>
  );
}
