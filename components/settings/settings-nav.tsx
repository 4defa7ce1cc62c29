"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import clsx from "clsx";
import { Coins, GitBranch, History, KeyRound, ListChecks, Package, SlidersHorizontal, Target, Users, Webhook } from "lucide-react";

const PERSONAL = [
  { href: "/settings/api-keys", label: "API keys", icon: KeyRound },
  { href: "/settings/webhooks", label: "Webhooks", icon: Webhook },
];

const ADMIN = [
  { href: "/settings/pipelines", label: "Pipelines", icon: GitBranch },
  { href: "/settings/fields", label: "Custom fields", icon: SlidersHorizontal },
  { href: "/settings/users", label: "Users", icon: Users },
  { href: "/settings/products", label: "Products", icon: Package },
  { href: "/settings/currencies", label: "Currencies", icon: Coins },
  { href: "/settings/lists", label: "Lists", icon: ListChecks },
  { href: "/settings/quotas", label: "Quotas", icon: Target },
  { href: "/settings/audit", label: "Audit log", icon: History },
];

export function SettingsNav({ admin }: { admin: boolean }) {
  const pathname = usePathname();
  const activeLink = useRef<HTMLAnchorElement>(null);
  // On a phone the strip scrolls sideways; the current section must be in view. Nothing is returned:
  // recent Chromium's scrollIntoView returns a Promise, which React would call as the effect's cleanup
  // on the next client navigation between two settings pages ("destroy is not a function").
  useEffect(() => {
    activeLink.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [pathname]);
  return (
    <nav aria-label="Settings" className="-mx-1 flex gap-0.5 overflow-x-auto px-1 py-0.5 md:mx-0 md:flex-col md:overflow-visible md:p-0">
      {(admin ? [...ADMIN, ...PERSONAL] : PERSONAL).map(({ href, label, icon: Icon }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            ref={active ? activeLink : undefined}
            aria-current={active ? "page" : undefined}
            className={clsx(
              "flex shrink-0 items-center gap-2.5 whitespace-nowrap rounded-lg px-2.5 py-2 text-sm font-medium transition",
              active ? "bg-surface text-text shadow-sm ring-1 ring-border" : "text-muted hover:bg-surface hover:text-text",
            )}
          >
            <Icon className="size-4" aria-hidden="true" />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
