// Accounts and contacts share one place in the navigation; these tabs switch between them.
import Link from "next/link";
import clsx from "clsx";

export function DirectoryTabs({ current }: { current: "accounts" | "contacts" }) {
  const tab = (key: "accounts" | "contacts", label: string) => (
    <Link
      href={`/${key}`}
      aria-current={current === key ? "page" : undefined}
      className={clsx("border-b-2 px-1 pb-2 text-sm font-medium", current === key ? "border-accent text-accent" : "border-transparent text-muted hover:text-text")}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Directory" className="flex gap-5 border-b border-border bg-surface px-4 pt-3 sm:px-8">
      {tab("accounts", "Accounts")}
      {tab("contacts", "Contacts")}
    </nav>
  );
}
