"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";

/** A new signing secret, shown exactly once (it is never shown again, only its start). */
export function SecretOnceDialog({ secret, rotated, onClose }: { secret: string | null; rotated?: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={secret !== null}
      onClose={onClose}
      title={rotated ? "New signing secret" : "Signing secret"}
      description={
        rotated
          ? "Copy it now: it will not be shown again. For 24 hours deliveries carry two signatures, one with this secret and one with the old one, so your receiver can switch without missing any."
          : "Copy it now: it will not be shown again. Your receiver verifies each delivery's signature with it."
      }
    >
      {secret ? (
        <div className="space-y-3">
          <div className="flex items-center gap-2 rounded-lg border border-border bg-surface-muted px-3 py-2.5">
            <code className="flex-1 break-all font-mono text-sm" data-testid="webhook-secret">{secret}</code>
            <Button size="sm" onClick={() => navigator.clipboard?.writeText(secret).then(() => toast.success("Copied"), () => toast.error("Copy failed; select the text instead"))}>
              <Copy className="size-3.5" aria-hidden="true" /> Copy
            </Button>
          </div>
          <DialogActions>
            <Button variant="primary" onClick={onClose}>Done</Button>
          </DialogActions>
        </div>
      ) : null}
    </Dialog>
  );
}
