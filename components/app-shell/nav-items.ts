import type { Role } from "@/lib/db/generated/enums";

export interface NavItem {
  href: string;
  label: string;
  icon: "board" | "opportunities" | "forecast" | "accounts" | "settings";
  roles?: Role[];
}

// A section appears here when it is built; nothing links to an unfinished page.
export const NAV_ITEMS: NavItem[] = [
  { href: "/board", label: "Board", icon: "board" },
  { href: "/opportunities", label: "Opportunities", icon: "opportunities" },
  { href: "/forecast", label: "Forecast", icon: "forecast" },
  { href: "/accounts", label: "Accounts", icon: "accounts" },
  { href: "/settings", label: "Settings", icon: "settings", roles: ["ADMIN"] },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
}
