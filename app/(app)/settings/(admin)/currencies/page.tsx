import type { Metadata } from "next";
import { adminOrNull } from "@/components/settings/admin-page";
import { CurrencySettings } from "@/components/settings/currencies/currency-settings";
import { Forbidden } from "@/components/settings/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listCurrencies } from "@/lib/server/settings/currencies";

export const metadata: Metadata = { title: "Currencies · Settings" };

export default async function CurrenciesPage() {
  const actor = await adminOrNull();
  if (!actor) return <Forbidden />;
  const currencies = await listCurrencies(actor);
  return (
    <>
      <PageHeader title="Currencies" description="Rates convert every amount to the base currency for totals and the forecast." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <CurrencySettings currencies={currencies} />
      </div>
    </>
  );
}
