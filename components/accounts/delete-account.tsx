"use client";
// Deleting an account asks what happens to the opportunities and contacts
// that use it: keep them without an account, or move them to another one.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { firstFieldMessage, useAction } from "@/components/ui/use-action";
import { contactsPhrase, opportunitiesPhrase, usagePhrase } from "@/components/forms/usage-phrase";
import { accountUsageAction, deleteAccountAction } from "@/lib/actions/accounts";
import { contactKeys } from "@/components/contacts/contact-search";
import { accountKeys, accountSearch } from "./account-search";

export function DeleteAccount({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [usage, setUsage] = useState<{ opportunities: number; hiddenOpportunities: boolean; contacts: number } | null>(null);
  const [strategy, setStrategy] = useState<"detach" | "reassign">("detach");
  const [target, setTarget] = useState<SearchOption | null>(null);
  const remove = useAction(deleteAccountAction, {
    success: `Account “${name}” deleted`,
    failure: firstFieldMessage,
    // Contacts show their account's name in searches.
    invalidate: [accountKeys.all, contactKeys.all],
    refresh: true,
    onSuccess: () => router.push("/accounts"),
  });

  async function open() {
    const r = await accountUsageAction({ id });
    if (r.ok) setUsage(r.data);
    else toast.error(r.error.message);
  }

  const confirm = () => remove.run({ id, strategy, ...(strategy === "reassign" && target ? { targetAccountId: target.id } : {}) });

  const used = usage && (usage.opportunities > 0 || usage.hiddenOpportunities || usage.contacts > 0);
  return (
    <>
      <Button variant="ghost" onClick={open}><Trash2 className="size-4" aria-hidden="true" /> Delete</Button>
      <Dialog open={usage !== null} onClose={() => setUsage(null)} title={`Delete “${name}”?`}>
        {used ? (
          <fieldset className="space-y-3">
            <legend className="mb-2">
              {usagePhrase([usage.opportunities ? opportunitiesPhrase(usage.opportunities) : null, usage.contacts ? contactsPhrase(usage.contacts) : null], usage.hiddenOpportunities)}{" "}
              belong to this account. What should happen to them?
            </legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "detach"} onChange={() => setStrategy("detach")} className="mt-1" />
              <span>Keep them, without an account</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "reassign"} onChange={() => setStrategy("reassign")} className="mt-1" />
              <span>Move them to another account</span>
            </label>
            {strategy === "reassign" ? <SearchSelect id="target-account" value={target} onChange={setTarget} source={accountSearch(id)} placeholder="Search the account that takes them over" /> : null}
          </fieldset>
        ) : (
          <p>Nothing uses this account. This cannot be undone.</p>
        )}
        <DialogActions>
          <Button onClick={() => setUsage(null)}>Cancel</Button>
          <Button variant="danger" disabled={remove.pending || (strategy === "reassign" && !!used && !target)} onClick={confirm}>Delete account</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
