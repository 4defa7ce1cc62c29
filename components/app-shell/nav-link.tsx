"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BarChart3, BookOpen, Building2, Contact, KanbanSquare, KeyRound, List, Settings, Upload } from "lucide-react";
import clsx from "clsx";
import { currentItem, type NavItem } from "./nav-items";

const ICONS = { board: KanbanSquare, opportunities: List, forecast: BarChart3, accounts: Building2, contacts: Contact, import: Upload, settings: Settings, apiKeys: KeyRound, apiDocs: BookOpen };

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const Icon = ICONS[item.icon];
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      title={item.label}
      className={clsx(
        "flex shrink-0 items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm font-medium transition",
        item.secondary && "md:py-1.5 md:font-normal",
        active ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-muted hover:text-text",
      )}
    >
      <Icon className={clsx("size-4", item.secondary && "md:hidden")} aria-hidden="true" />
      {/* Icons only on a phone's top bar; the name stays for screen readers. */}
      <span className="sr-only md:not-sr-only">{item.label}</span>
    </Link>
  );
}

/** The main navigation: the sections, then the developer tools; exactly one is marked current. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const current = currentItem(items, usePathname());
  const link = (item: NavItem) => <NavLink key={item.href} item={item} active={item === current} />;
  return (
    <>
      {items.filter((i) => !i.secondary).map(link)}
      {/* On a phone these continue the strip; from md up they sit apart, above the user menu. */}
      <div className="contents md:mt-auto md:mb-2 md:flex md:flex-col md:gap-0.5 md:border-t md:border-border md:pt-3">{items.filter((i) => i.secondary).map(link)}</div>
    </>
  );
}
