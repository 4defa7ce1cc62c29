"use client";

import { useState } from "react";
import type { UserDto } from "@/lib/server/settings/users";
import { reassignAction } from "@/app/(app)/settings/(admin)/users/actions";
import { Button } from "../ui/button";
import { FormActions } from "../ui/field";
import { SelectField } from "../ui/select-field";
import { Modal } from "../ui/modal";
import { useSettingsAction } from "../use-settings-action";

export function ReassignDialog({ from, users, onClose }: { from: UserDto | null; users: UserDto[]; onClose: () => void }) {
  const [to, setTo] = useState("");
  const [onlyOpen, setOnlyOpen] = useState(true);
  const { run, fieldErrors, pending } = useSettingsAction();
  const candidates = users.filter((u) => u.active && u.id !== from?.id);
  return (
    <Modal open={from !== null} onClose={onClose} title={`Reassign ${from?.name ?? ""}'s opportunities`} description={from ? `${from.openOpportunities} open of ${from.allOpportunities} in total. Each change is recorded on the opportunity.` : undefined}>
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!from) return;
          const result = await run(() => reassignAction({ fromUserId: from.id, toUserId: to, onlyOpen }), (d) => `${d.moved} opportunities reassigned`);
          if (result.ok) onClose();
        }}
      >
        <SelectField id="reassign-to" label="New owner" error={fieldErrors.toUserId} placeholder="Choose a user…" value={to} onChange={setTo} options={candidates.map((u) => ({ value: u.id, label: u.name }))} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" className="size-4" checked={onlyOpen} onChange={(e) => setOnlyOpen(e.target.checked)} />
          Only open opportunities (won and lost ones keep the owner who closed them)
        </label>
        <FormActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={pending || !to}>Reassign</Button>
        </FormActions>
      </form>
    </Modal>
  );
}
