"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";

/** Shows a new password exactly once; only its hash is stored. */
export function PasswordOnceDialog({ value, onClose }: { value: { email: string; password: string } | null; onClose: () => void }) {
  return (
    <Dialog open={value !== null} onClose={onClose} title="Password for the first sign-in" description="Copy it now and hand it over safely. It will not be shown again.">
      {value ? (
        <div className="space-y-3">
          <p className="text-sm">Email: <span className="font-medium">{value.email}</span></p>
          <div className="flex items-center gap-2 rounded-lg border border-border bg-surface-muted px-3 py-2.5">
            <code className="flex-1 font-mono text-sm" data-testid="one-time-password">{value.password}</code>
            <Button size="sm" onClick={() => navigator.clipboard?.writeText(value.password).then(() => toast.success("Copied"), () => toast.error("Copy failed; select the text instead"))}>
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
