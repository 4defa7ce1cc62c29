"use client";
// Deleting a contact asks what happens on the opportunities that list it:
// remove it (another contact becomes primary where it was), or replace it.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { firstFieldMessage, useAction } from "@/components/ui/use-action";
import { opportunitiesPhrase, usagePhrase } from "@/components/forms/usage-phrase";
import { contactUsageAction, deleteContactAction } from "@/lib/actions/contacts";
import { contactKeys, contactSearch } from "./contact-search";

export function DeleteContact({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [usage, setUsage] = useState<{ opportunities: number; hiddenOpportunities: boolean } | null>(null);
  const [strategy, setStrategy] = useState<"remove" | "replace">("remove");
  const [replacement, setReplacement] = useState<SearchOption | null>(null);
  const remove = useAction(deleteContactAction, {
    success: `${name} deleted`,
    failure: firstFieldMessage,
    invalidate: [contactKeys.all],
    refresh: true,
    onSuccess: () => router.push("/contacts"),
  });

  async function open() {
    const r = await contactUsageAction({ id });
    if (r.ok) setUsage(r.data);
    else toast.error(r.error.message);
  }

  const confirm = () => remove.run({ id, strategy, ...(strategy === "replace" && replacement ? { replacementId: replacement.id } : {}) });

  const used = !!usage && (usage.opportunities > 0 || usage.hiddenOpportunities);
  // "1 opportunity lists", "2 opportunities list", "… and records you cannot see list".
  const verb = usage && usage.opportunities === 1 && !usage.hiddenOpportunities ? "lists" : "list";
  return (
    <>
      <Button variant="ghost" onClick={open}><Trash2 className="size-4" aria-hidden="true" /> Delete</Button>
      <Dialog open={usage !== null} onClose={() => setUsage(null)} title={`Delete ${name}?`}>
        {usage && used ? (
          <fieldset className="space-y-3">
            <legend className="mb-2">
              {usagePhrase([usage.opportunities ? opportunitiesPhrase(usage.opportunities) : null], usage.hiddenOpportunities)} {verb} this contact. What should happen there?
            </legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "remove"} onChange={() => setStrategy("remove")} className="mt-1" />
              <span>Remove the contact (another contact becomes primary where needed)</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "replace"} onChange={() => setStrategy("replace")} className="mt-1" />
              <span>Put another contact in its place</span>
            </label>
            {strategy === "replace" ? <SearchSelect id="replacement" value={replacement} onChange={setReplacement} source={contactSearch(null, id)} placeholder="Search the replacement contact" /> : null}
          </fieldset>
        ) : (
          <p>No opportunity lists this contact. This cannot be undone.</p>
        )}
        <DialogActions>
          <Button onClick={() => setUsage(null)}>Cancel</Button>
          <Button variant="danger" disabled={remove.pending || (strategy === "replace" && used && !replacement)} onClick={confirm}>Delete contact</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
