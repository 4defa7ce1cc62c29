import type { Metadata } from "next";
import { QuotaGrid } from "@/components/settings/quotas/quota-grid";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listCurrencyUsage } from "@/lib/server/currencies/read";
import { listQuotas } from "@/lib/server/quotas/manage";
import { listUserSettings } from "@/lib/server/users/manage";
import { quotaQuerySchema } from "@/lib/validation/quotas";

export const metadata: Metadata = { title: "Quotas · Settings" };

export default async function QuotasPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireAdmin();
  const query = quotaQuerySchema.parse(await searchParams);
  const [quotas, users, currencies] = await Promise.all([listQuotas(actor, query), listUserSettings(actor), listCurrencyUsage(actor)]);
  const base = currencies.find((c) => c.isBase)?.code ?? "USD";
  return (
    <>
      <PageHeader title="Quotas" description={`Targets per person and period, in ${base}. The forecast compares won and committed deals with them.`} />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <QuotaGrid query={query} quotas={quotas} users={users.filter((u) => u.active)} baseCurrency={base} />
      </div>
    </>
  );
}
