"use client";
// Deleting an account asks what happens to the opportunities and contacts
// that use it: keep them without an account, or move them to another one.
import { useCallback, useState } from "react";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import { accountUsageAction, deleteAccountAction, searchAccountsAction } from "@/app/(app)/accounts/actions";
import { SearchSelect, type SearchOption } from "@/components/forms/search-select";
import { buttonClass } from "@/components/forms/styles";
import { Dialog } from "@/components/ui/dialog";

export function DeleteAccount({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [usage, setUsage] = useState<{ opportunities: number; contacts: number } | null>(null);
  const [strategy, setStrategy] = useState<"detach" | "reassign">("detach");
  const [target, setTarget] = useState<SearchOption | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useCallback(async (q: string) => {
    const r = await searchAccountsAction({ q });
    return r.ok ? r.data.filter((a) => a.id !== id).map((a) => ({ id: a.id, label: a.name })) : [];
  }, [id]);

  async function open() {
    const r = await accountUsageAction({ id });
    if (r.ok) setUsage(r.data);
    else toast.error(r.error.message);
  }

  async function confirm() {
    setBusy(true);
    const r = await deleteAccountAction({ id, strategy, ...(strategy === "reassign" && target ? { targetAccountId: target.id } : {}) });
    setBusy(false);
    if (!r.ok) return void toast.error(Object.values(r.error.fields ?? {})[0] ?? r.error.message);
    toast.success(`Account “${name}” deleted`);
    router.push("/accounts");
    router.refresh();
  }

  const used = usage && (usage.opportunities > 0 || usage.contacts > 0);
  return (
    <>
      <button type="button" className={buttonClass("ghost")} onClick={open}><Trash2 className="size-4" aria-hidden="true" /> Delete</button>
      <Dialog open={usage !== null} onClose={() => setUsage(null)} title={`Delete “${name}”?`}>
        {used ? (
          <fieldset className="space-y-3">
            <legend className="mb-2">
              {usage.opportunities} opportunit{usage.opportunities === 1 ? "y" : "ies"} and {usage.contacts} contact{usage.contacts === 1 ? "" : "s"} belong to this account. What should happen to them?
            </legend>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "detach"} onChange={() => setStrategy("detach")} className="mt-1" />
              <span>Keep them, without an account</span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" name="strategy" checked={strategy === "reassign"} onChange={() => setStrategy("reassign")} className="mt-1" />
              <span>Move them to another account</span>
            </label>
            {strategy === "reassign" ? <SearchSelect id="target-account" value={target} onChange={setTarget} search={search} placeholder="Search the account that takes them over" /> : null}
          </fieldset>
        ) : (
          <p>Nothing uses this account. This cannot be undone.</p>
        )}
        <div className="mt-5 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => setUsage(null)}>Cancel</button>
          <button type="button" className={buttonClass("danger")} disabled={busy || (strategy === "reassign" && !!used && !target)} onClick={confirm}>Delete account</button>
        </div>
      </Dialog>
    </>
  );
}
