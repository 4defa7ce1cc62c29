"use client";

import { useState } from "react";
import type { UserSettingsDto } from "@/lib/server/users/manage";
import { reassignAction } from "@/lib/actions/users";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { useAction } from "@/components/ui/use-action";

export function ReassignDialog({ from, users, onClose }: { from: UserSettingsDto | null; users: UserSettingsDto[]; onClose: () => void }) {
  const [to, setTo] = useState("");
  const [onlyOpen, setOnlyOpen] = useState(true);
  const { run, fieldErrors, pending } = useAction(reassignAction, { success: (d) => `${d.moved} opportunities reassigned` });
  const candidates = users.filter((u) => u.active && u.id !== from?.id);
  return (
    <Dialog open={from !== null} onClose={onClose} title={`Reassign ${from?.name ?? ""}'s opportunities`} description={from ? `${from.openOpportunities} open of ${from.allOpportunities} in total. Each change is recorded on the opportunity.` : undefined}>
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!from) return;
          const result = await run({ fromUserId: from.id, toUserId: to, onlyOpen });
          if (result.ok) onClose();
        }}
      >
        <SelectField id="reassign-to" label="New owner" error={fieldErrors.toUserId} placeholder="Choose a user…" value={to} onChange={setTo} options={candidates.map((u) => ({ value: u.id, label: u.name }))} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          Only open opportunities (won and lost ones keep the owner who closed them)
        </label>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || !to}>Reassign</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
