"use client";

import { Button } from "@/components/ui/button";
import { CopyableValue } from "@/components/ui/copyable-value";
import { Dialog, DialogActions } from "@/components/ui/dialog";

/** Shows a new password exactly once; only its hash is stored. */
export function PasswordOnceDialog({ value, onClose }: { value: { email: string; password: string } | null; onClose: () => void }) {
  return (
    <Dialog open={value !== null} onClose={onClose} title="Password for the first sign-in" description="Copy it now and hand it over safely. It will not be shown again.">
      {value ? (
        <div className="space-y-3">
          <p className="text-sm">Email: <span className="font-medium">{value.email}</span></p>
          <CopyableValue value={value.password} testId="one-time-password" />
          <DialogActions>
            <Button variant="primary" onClick={onClose}>Done</Button>
          </DialogActions>
        </div>
      ) : null}
    </Dialog>
  );
}
