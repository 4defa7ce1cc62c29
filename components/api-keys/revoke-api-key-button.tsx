"use client";

import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { revokeApiKeyAction } from "@/lib/actions/api-keys";

export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const revoke = useAction(revokeApiKeyAction, { success: `Revoked "${name}"` });
  return (
    <Button
      variant="dangerGhost"
      size="sm"
      disabled={revoke.pending}
      onClick={() => {
        if (window.confirm(`Revoke "${name}"? Programs using it stop working immediately.`)) void revoke.run({ id });
      }}
    >
      Revoke
    </Button>
  );
}
