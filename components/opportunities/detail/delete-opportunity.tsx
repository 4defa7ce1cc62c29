"use client";
// Delete with confirmation; a concurrent edit since the page loaded stops it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";
import { deleteOpportunityAction } from "@/lib/actions/opportunities";

export function DeleteOpportunity({ id, version, title }: { id: string; version: number; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useAction(deleteOpportunityAction, {
    success: "Opportunity deleted",
    failure: (error) => (error.code === "CONFLICT" ? "Someone changed it meanwhile; review the latest version first." : error.message),
    // A refusal closes the dialog and shows the opportunity as it is now.
    refresh: "always",
    onFailure: () => setOpen(false),
    onSuccess: () => router.push("/opportunities"),
  });
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)}>
        <Trash2 className="size-4" aria-hidden="true" /> Delete
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete this opportunity?">
        <p>
          “{title}” and its line items, contacts links and history will be deleted. This cannot be undone.
        </p>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button variant="danger" disabled={remove.pending} onClick={() => remove.run({ id, version })}>
            Delete opportunity
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
