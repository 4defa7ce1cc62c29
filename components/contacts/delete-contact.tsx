"use client";
// Deleting a contact asks what happens on the opportunities that list it:
// remove it (another contact becomes primary where it was), or replace it.
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { contactUsageAction, deleteContactAction, searchContactsAction } from "@/app/(app)/contacts/actions";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { buttonClass } from "@/components/forms/styles";
import { Dialog } from "@/components/ui/dialog";

export function DeleteContact({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [usage, setUsage] = useState<number | null>(null);
  const [strategy, setStrategy] = useState<"remove" | "replace">("remove");
  const [replacement, setReplacement] = useState<SearchOption | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useCallback(async (q: string) => {
    const r = await searchContactsAction({ q });
    return r.ok ? r.data.filter((c) => c.id !== id).map((c) => ({ id: c.id, label: c.name, detail: c.accountName })) : [];
  }, [id]);

  async function open() {
    const r = await contactUsageAction({ id });
    if (r.ok) setUsage(r.data.opportunities);
    else toast.error(r.error.message);
  }

  async function confirm() {
    setBusy(true);
    const r = await deleteContactAction({ id, strategy, ...(strategy === "replace" && replacement ? { replacementId: replacement.id } : {}) });
    setBusy(false);
    if (!r.ok) return void toast.error(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
    toast.success(`${name} deleted`);
    router.push("/contacts");
    router.refresh();
  }

  return (
    <>
      <button type="button" className={buttonClass("ghost")} onClick={open}><Trash2 className="size-4" aria-hidden="true" /> Delete</button>
      <Dialog open={usage !== null} onClose={() => setUsage(null)} title={`Delete ${name}?`}>
        {usage ? (
          <fieldset className="space-y-3">
            <legend className="mb-2">{usage} opportunit{usage === 1 ? "y lists" : "ies list"} this contact. What should happen there?</legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "remove"} onChange={() => setStrategy("remove")} className="mt-1" />
              <span>Remove the contact (another contact becomes primary where needed)</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "replace"} onChange={() => setStrategy("replace")} className="mt-1" />
              <span>Put another contact in its place</span>
            </label>
            {strategy === "replace" ? <SearchSelect id="replacement" value={replacement} onChange={setReplacement} search={search} placeholder="Search the replacement contact" /> : null}
          </fieldset>
        ) : (
          <p>No opportunity lists this contact. This cannot be undone.</p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => setUsage(null)}>Cancel</button>
          <button type="button" className={buttonClass("danger")} disabled={busy || (strategy === "replace" && !!usage && !replacement)} onClick={confirm}>Delete contact</button>
        </div>
      </Dialog>
    </>
  );
}
