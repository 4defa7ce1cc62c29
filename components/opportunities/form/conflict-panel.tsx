"use client";
// Shown when someone else saved first: what they changed (their version
// against the one this form was opened with), and the two conscious choices.
import { AlertTriangle } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { OpportunityDto } from "@/lib/server/opportunities/read/dto";
import type { OpportunityFormOptions } from "@/lib/server/opportunities/form/options";
import { stageById } from "./form-values";

const LABELS: Partial<Record<keyof OpportunityDto, string>> = {
  title: "Title", description: "Description", stageId: "Stage", amount: "Amount", currency: "Currency", exchangeRate: "Exchange rate",
  oneTimeAmount: "One-time amount", recurringAmount: "Recurring amount", contractMonths: "Contract months", probability: "Probability", forecastCategory: "Forecast category",
  expectedCloseDate: "Expected close", ownerId: "Owner", memberIds: "Members", accountId: "Account", contacts: "Contacts", sourceId: "Source",
  typeId: "Type", labels: "Labels", rating: "Rating", isPrivate: "Private", lostReasonId: "Lost reason", lostNote: "Lost note",
  competitor: "Competitor", customFields: "Custom fields", utmSource: "UTM source", utmMedium: "UTM medium", utmCampaign: "UTM campaign",
  utmContent: "UTM content", externalId: "External id",
};

function show(field: keyof OpportunityDto, value: unknown, options: OpportunityFormOptions): string {
  if (value === null || value === undefined || value === "") return "—";
  if (field === "stageId") return stageById(options, value as string)?.name ?? "another stage";
  if (field === "ownerId") return options.users.find((u) => u.id === value)?.name ?? "another user";
  if (field === "memberIds") return (value as string[]).map((id) => options.users.find((u) => u.id === id)?.name ?? "?").join(", ") || "—";
  if (field === "sourceId") return options.sources.find((s) => s.id === value)?.name ?? "—";
  if (field === "typeId") return options.types.find((s) => s.id === value)?.name ?? "—";
  if (field === "lostReasonId") return options.lostReasons.find((s) => s.id === value)?.name ?? "—";
  if (field === "contacts") return `${(value as unknown[]).length} contact(s)`;
  if (field === "accountId") return "another account";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function changedFields(before: OpportunityDto, after: OpportunityDto): (keyof OpportunityDto)[] {
  return (Object.keys(LABELS) as (keyof OpportunityDto)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

export function ConflictPanel({
  base,
  latest,
  options,
  onReload,
  onOverwrite,
  busy,
}: {
  base: OpportunityDto;
  latest: OpportunityDto;
  options: OpportunityFormOptions;
  onReload: () => void;
  onOverwrite: () => void;
  busy: boolean;
}) {
  const fields = changedFields(base, latest);
  return (
    <div role="alertdialog" aria-labelledby="conflict-title" className="rounded-xl border border-amber-300 bg-amber-50 p-5 text-sm text-amber-950 shadow-sm dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100" data-testid="conflict-panel">
      <div className="flex items-start gap-3">
        <AlertTriangle className="mt-0.5 size-5 shrink-0 text-amber-600" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <h2 id="conflict-title" className="font-semibold">Someone else saved this opportunity while you were editing</h2>
          <p className="mt-1">
            It was saved at {new Date(latest.updatedAt).toLocaleTimeString()}. {fields.length ? "They changed:" : "No visible field changed."}
          </p>
          {fields.length ? (
            <table className="mt-3 w-full text-left text-xs">
              <thead>
                <tr className="text-amber-800 dark:text-amber-300">
                  <th className="py-1 pr-3 font-medium">Field</th>
                  <th className="py-1 pr-3 font-medium">When you opened it</th>
                  <th className="py-1 font-medium">Now</th>
                </tr>
              </thead>
              <tbody>
                {fields.map((f) => (
                  <tr key={f} className="border-t border-amber-200 dark:border-amber-800">
                    <td className="py-1.5 pr-3 font-medium">{LABELS[f]}</td>
                    <td className="py-1.5 pr-3 line-through opacity-70">{show(f, base[f], options)}</td>
                    <td className="py-1.5">{show(f, latest[f], options)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-2">
            <Button onClick={onReload} disabled={busy}>
              Reload their version (discard my edits)
            </Button>
            <Button variant="danger" onClick={onOverwrite} disabled={busy}>
              Overwrite with my version
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}
