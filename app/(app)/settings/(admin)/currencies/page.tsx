import type { Metadata } from "next";
import { CurrencySettings } from "@/components/settings/currencies/currency-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listCurrencyUsage } from "@/lib/server/currencies/read";

export const metadata: Metadata = { title: "Currencies · Settings" };

export default async function CurrenciesPage() {
  const actor = await requireAdmin();
  const currencies = await listCurrencyUsage(actor);
  return (
    <>
      <PageHeader title="Currencies" description="Rates convert every amount to the base currency for totals and the forecast." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <CurrencySettings currencies={currencies} />
      </div>
    </>
  );
}
