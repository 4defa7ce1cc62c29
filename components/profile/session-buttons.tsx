"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";
import { endOtherSessionsAction, endSessionAction } from "@/lib/actions/profile";

/** Signs out one other session of the user (that browser is asked to sign in again at its next click). */
export function EndSessionButton({ id, label }: { id: string; label: string }) {
  const end = useAction(endSessionAction, { success: `Signed out ${label}` });
  return (
    <Button variant="secondary" size="sm" disabled={end.pending} onClick={() => end.run({ id })} aria-label={`Sign out ${label}`}>
      <LogOut className="size-3.5" aria-hidden="true" />
      Sign out
    </Button>
  );
}

export function EndOtherSessionsButton({ count }: { count: number }) {
  const [open, setOpen] = useState(false);
  const end = useAction(endOtherSessionsAction, {
    success: (data) => (data.ended === 1 ? "Signed out 1 other session" : `Signed out ${data.ended} other sessions`),
    onSuccess: () => setOpen(false),
  });
  return (
    <>
      <Button variant="danger" disabled={count === 0} onClick={() => setOpen(true)}>
        Sign out of all other sessions
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Sign out of all other sessions?" description="Every other browser and device signed in as you will have to sign in again. This browser stays signed in.">
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" disabled={end.pending} onClick={() => end.run({})}>
            {end.pending ? "Signing out…" : `Sign out ${count === 1 ? "1 session" : `${count} sessions`}`}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
