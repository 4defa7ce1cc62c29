"use client";

import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copyable-value";
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
          <CopyableValue value={secret} testId="webhook-secret" />
          <DialogActions>
            <Button variant="primary" onClick={onClose}>Done</Button>
          </DialogActions>
        </div>
      ) : null}
    </Dialog>
  );
}
