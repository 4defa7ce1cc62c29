"use client";
// The detail page's line items: the editor with its save bar. The whole
// editor saves as one change (all lines, their order and the contract months,
// one transaction, one version bump), so the lines and the amount never
// disagree; a concurrent change by someone else is shown, never overwritten
// silently. Read-only for people who may not edit the opportunity.
import { useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { saveLineItemsAction } from "@/lib/actions/line-items";
import { getOpportunityAction } from "@/lib/actions/opportunities";
import { draftErrors, draftFromDto, draftToInput, errorsByKey, sameLines, type LineDraft, type LineErrors } from "@/components/line-items/draft";
import { LineItemsEditor } from "@/components/line-items/line-items-editor";
import { LineTotals, type DealFigures } from "@/components/line-items/line-totals";
import { formatMoney } from "@/lib/domain/money";
import type { LineItemDto } from "@/lib/server/line-items/dto";
import { AmountMode } from "./amount-mode";
import { LineItemsPanel } from "./line-items-panel";

export interface LineItemsCardProps {
  opportunityId: string;
  version: number;
  lines: LineItemDto[];
  deal: DealFigures;
  amount: string;
  canEdit: boolean;
}

export function LineItemsCard({ opportunityId, version, lines, deal, amount, canEdit }: LineItemsCardProps) {
  const router = useRouter();
  const saved = useMemo(() => lines.map(draftFromDto), [lines]);
  const [drafts, setDrafts] = useState<LineDraft[]>(saved);
  const [months, setMonths] = useState(deal.contractMonths);
  const [serverErrors, setServerErrors] = useState<Record<string, LineErrors>>({});
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [conflict, setConflict] = useState(false);
  const dirty = !sameLines(drafts, saved) || months !== deal.contractMonths;
  const saveAll = useAction(saveLineItemsAction, {
    success: (r) => `Line items saved; the amount is ${formatMoney(r.opportunity.amount, deal.currency)}`,
    // A conflict is shown by the banner below; other refusals beside their cells.
    failure: false,
    onFailure: (error) => {
      if (error.code === "CONFLICT") return setConflict(true);
      setServerErrors(errorsByKey(error.fields, drafts, "lines"));
      setShowAllErrors(true);
      toast.error(error.message);
    },
  });
  const saving = saveAll.pending;
  useUnsavedChanges(dirty && !saving);

  async function save(againstVersion = version) {
    if (drafts.some((d) => Object.keys(draftErrors(d)).length)) {
      setShowAllErrors(true);
      toast.error("Fix the highlighted cells first");
      return;
    }
    await saveAll.run({ opportunityId, changes: { version: againstVersion, contractMonths: months, lines: drafts.map(draftToInput) } });
  }
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  useEffect(() => {
    if (!dirty) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        void saveRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dirty]);

  async function overwrite() {
    const latest = await getOpportunityAction({ id: opportunityId });
    if (!latest.ok) return toast.error(latest.error.message);
    setConflict(false);
    await save(latest.data.version);
  }

  const figures = { ...deal, contractMonths: months };
  if (!canEdit) {
    return (
      <div className="space-y-5">
        <AmountMode lineCount={lines.length} amount={amount} currency={deal.currency} />
        <LineItemsPanel lines={lines} currency={deal.currency} />
        {lines.length ? <LineTotals lines={saved} deal={deal} /> : null}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <AmountMode lineCount={drafts.length} savedLineCount={lines.length} amount={amount} currency={deal.currency} />
      {conflict ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <p className="flex-1">Someone else changed this opportunity after you opened it. Load their version (your edits here are dropped), or save yours over it.</p>
          {/* Reloads the page's data on request: someone else's change, not one of ours. */}
          <Button onClick={() => router.refresh()}>Load theirs</Button>
          <Button variant="primary" onClick={() => void overwrite()}>Save mine</Button>
        </div>
      ) : null}
      <LineItemsEditor
        lines={drafts}
        onChange={(next) => {
          setDrafts(next);
          setServerErrors({});
        }}
        deal={figures}
        onContractMonths={setMonths}
        serverErrors={serverErrors}
        showAllErrors={showAllErrors}
        disabled={saving}
      />
      {dirty ? (
        <div className="sticky bottom-0 z-10 -mx-5 -mb-5 flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t border-border bg-surface/95 px-5 py-3 backdrop-blur">
          <span className="mr-auto text-xs text-muted">Unsaved line item changes · Ctrl+S saves</span>
          <Button
            variant="ghost"
            disabled={saving}
            onClick={() => {
              setDrafts(saved);
              setMonths(deal.contractMonths);
              setServerErrors({});
              setShowAllErrors(false);
              setConflict(false);
            }}
          >
            Discard
          </Button>
          <Button variant="primary" disabled={saving || conflict} onClick={() => void save()}>
            {saving ? "Saving…" : "Save line items"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
