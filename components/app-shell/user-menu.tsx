import { LogOut } from "lucide-react";
import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { IconButton } from "@/components/ui/button";
import { signOut } from "@/lib/server/auth/auth";
import type { Actor } from "@/lib/server/auth/actor";

export const ROLE_LABEL = { ADMIN: "Admin", MANAGER: "Manager", SALES: "Sales" } as const;

export function UserMenu({ actor }: { actor: Actor }) {
  return (
    <div className="flex shrink-0 items-center gap-1.5 md:gap-2.5 md:rounded-lg md:border md:border-border md:bg-surface md:p-2.5">
      <Link href="/profile" title="Your profile" className="flex min-w-0 items-center gap-2.5 rounded-md md:flex-1 md:hover:opacity-80">
        <Avatar name={actor.name} />
        <div className="sr-only md:not-sr-only md:min-w-0 md:flex-1">
          <div className="truncate text-sm font-medium" data-testid="current-user">
            {actor.name}
          </div>
          <div className="truncate text-xs text-muted">
            {ROLE_LABEL[actor.role]} · {actor.email}
          </div>
        </div>
      </Link>
      <form
        action={async () => {
          "use server";
          await signOut({ redirectTo: "/signin" });
        }}
      >
        <IconButton type="submit" label="Sign out">
          <LogOut className="size-4" aria-hidden="true" />
        </IconButton>
      </form>
    </div>
  );
}
