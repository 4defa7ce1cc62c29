import { LogOut } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { signOut } from "@/lib/server/auth/auth";
import type { Actor } from "@/lib/server/auth/actor";

const ROLE_LABEL = { ADMIN: "Admin", MANAGER: "Manager", SALES: "Sales" } as const;

export function UserMenu({ actor }: { actor: Actor }) {
  return (
    <div className="flex shrink-0 items-center gap-1.5 md:gap-2.5 md:rounded-lg md:border md:border-border md:bg-surface md:p-2.5">
      <Avatar name={actor.name} />
      <div className="sr-only md:not-sr-only md:min-w-0 md:flex-1">
        <div className="truncate text-sm font-medium" data-testid="current-user">
          {actor.name}
        </div>
        <div className="truncate text-xs text-muted">
          {ROLE_LABEL[actor.role]} · {actor.email}
        </div>
      </div>
      <form
        action={async () => {
          "use server";
          await signOut({ redirectTo: "/signin" });
        }}
      >
        <button
          type="submit"
          title="Sign out"
          aria-label="Sign out"
          className="rounded-md p-1.5 text-muted transition hover:bg-surface-muted hover:text-text"
        >
          <LogOut className="size-4" aria-hidden="true" />
        </button>
      </form>
    </div>
  );
}
