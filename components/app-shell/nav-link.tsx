"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { BarChart3, Building2, KanbanSquare, List, Settings } from "lucide-react";
import clsx from "clsx";
import type { NavItem } from "./nav-items";

const ICONS = { board: KanbanSquare, opportunities: List, forecast: BarChart3, accounts: Building2, settings: Settings };

export function NavLink({ item }: { item: NavItem }) {
  const pathname = usePathname();
  const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
  const Icon = ICONS[item.icon];
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      title={item.label}
      className={clsx(
        "flex shrink-0 items-center gap-2.5 rounded-lg px-2.5 py-2 text-sm font-medium transition",
        active ? "bg-accent-soft text-accent" : "text-muted hover:bg-surface-muted hover:text-text",
      )}
    >
      <Icon className="size-4" aria-hidden="true" />
      {/* Icons only on a phone's top bar; the name stays for screen readers. */}
      <span className="sr-only md:not-sr-only">{item.label}</span>
    </Link>
  );
}
