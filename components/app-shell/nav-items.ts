import type { Role } from "@/lib/db/generated/enums";

export interface NavItem {
  href: string;
  label: string;
  icon: "board" | "opportunities" | "forecast" | "accounts" | "contacts" | "import" | "settings" | "apiKeys" | "apiDocs";
  roles?: Role[];
  /** The developer tools, under the sections (on a phone: after them in the same strip). */
  secondary?: boolean;
}

// A section appears here when it is built; nothing links to an unfinished page.
export const NAV_ITEMS: NavItem[] = [
  { href: "/board", label: "Board", icon: "board" },
  { href: "/opportunities", label: "Opportunities", icon: "opportunities" },
  { href: "/forecast", label: "Forecast", icon: "forecast" },
  { href: "/accounts", label: "Accounts", icon: "accounts" },
  { href: "/contacts", label: "Contacts", icon: "contacts" },
  { href: "/import", label: "Import", icon: "import", roles: ["ADMIN", "MANAGER"] },
  { href: "/settings", label: "Settings", icon: "settings", roles: ["ADMIN"] },
  { href: "/settings/api-keys", label: "API keys", icon: "apiKeys", secondary: true },
  { href: "/api-docs", label: "API reference", icon: "apiDocs", secondary: true },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}

/** The item the path belongs to: the longest href it is or starts with (/settings/api-keys is API keys, not Settings). */
export function currentItem(items: readonly NavItem[], pathname: string): NavItem | null {
  return items
    .filter((item) => pathname === item.href || pathname.startsWith(`${item.href}/`))
    .reduce<NavItem | null>((best, item) => (!best || item.href.length > best.href.length ? item : best), null);
}
