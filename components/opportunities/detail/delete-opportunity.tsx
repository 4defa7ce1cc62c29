"use client";
// Delete with confirmation; a concurrent edit since the page loaded stops it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { deleteOpportunityAction } from "@/app/(app)/opportunities/actions";
import { buttonClass } from "@/components/forms/styles";
import { Dialog } from "@/components/ui/dialog";

export function DeleteOpportunity({ id, version, title }: { id: string; version: number; title: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button type="button" className={buttonClass("ghost")} onClick={() => setOpen(true)}>
        <Trash2 className="size-4" aria-hidden="true" /> Delete
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Delete this opportunity?">
        <p>
          “{title}” and its line items, contacts links and history will be deleted. This cannot be undone.
        </p>
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => setOpen(false)}>Cancel</button>
          <button
            type="button"
            className={buttonClass("danger")}
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const r = await deleteOpportunityAction({ id, version });
              setBusy(false);
              if (!r.ok) {
                toast.error(r.error.code === "CONFLICT" ? "Someone changed it meanwhile; review the latest version first." : r.error.message);
                setOpen(false);
                router.refresh();
                return;
              }
              toast.success("Opportunity deleted");
              router.push("/opportunities");
              router.refresh();
            }}
          >
            Delete opportunity
          </button>
        </div>
      </Dialog>
    </>
  );
}
