"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { revokeApiKeyAction } from "@/app/(app)/settings/api-keys/actions";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        if (!window.confirm(`Revoke "${name}"? Programs using it stop working immediately.`)) return;
        startTransition(async () => {
          const result = await revokeApiKeyAction({ id });
          if (result.ok) toast.success(`Revoked "${name}"`);
          else toast.error(result.error.message);
        });
      }}
      className="rounded-md px-2.5 py-1 text-sm font-medium text-danger hover:bg-danger/10 disabled:opacity-50"
    >
      Revoke
    </button>
  );
}
