// Says which mode the amount is in: derived from the line items, or entered
// by hand (no lines), and what the next step would change.
import { Calculator, PencilLine } from "lucide-react";
import { amountMode } from "@/lib/domain/line-items";
import { formatMoney } from "@/lib/domain/money";

export function AmountMode({ lineCount, savedLineCount = lineCount, amount, currency }: { lineCount: number; savedLineCount?: number; amount: string; currency: string }) {
  const derived = amountMode(lineCount) === "derived";
  const Icon = derived ? Calculator : PencilLine;
  const text = derived
    ? "The amount is the lines' total contract value."
    : savedLineCount > 0
      ? `Without lines, the amount stays ${formatMoney(amount, currency)} and can be typed again.`
      : `The amount (${formatMoney(amount, currency)}) is entered by hand; adding a line makes it follow the lines.`;
  return (
    <p className="flex flex-wrap items-center gap-2 text-xs text-muted" data-testid="amount-mode">
      <span className={derived ? "inline-flex items-center gap-1 rounded-full bg-accent-soft px-2 py-0.5 font-medium text-accent" : "inline-flex items-center gap-1 rounded-full bg-surface-muted px-2 py-0.5 font-medium text-muted ring-1 ring-inset ring-border"}>
        <Icon className="size-3" aria-hidden="true" />
        {derived ? "Derived amount" : "Manual amount"}
      </span>
      {text}
    </p>
  );
}
