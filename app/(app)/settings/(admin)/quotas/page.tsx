import type { Metadata } from "next";
import { adminOrNull } from "@/components/settings/admin-page";
import { Forbidden } from "@/components/settings/forbidden";
import { QuotaGrid } from "@/components/settings/quotas/quota-grid";
import { PageHeader } from "@/components/ui/page-header";
import { listCurrencies } from "@/lib/server/settings/currencies";
import { listQuotas } from "@/lib/server/settings/quotas";
import { listUsers } from "@/lib/server/settings/users";
import { quotaQuerySchema } from "@/lib/validation/settings-quotas";

export const metadata: Metadata = { title: "Quotas · Settings" };

export default async function QuotasPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await adminOrNull();
  if (!actor) return <Forbidden />;
  const query = quotaQuerySchema.parse(await searchParams);
  const [quotas, users, currencies] = await Promise.all([listQuotas(actor, query), listUsers(actor), listCurrencies(actor)]);
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
