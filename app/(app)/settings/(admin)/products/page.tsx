import type { Metadata } from "next";
import { ProductSettings } from "@/components/settings/products/product-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listProducts, productGroups } from "@/lib/server/products/read";
import { listCurrencyUsage } from "@/lib/server/currencies/read";

export const metadata: Metadata = { title: "Products · Settings" };

const PAGE_SIZE = 50;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim().slice(0, 200) || undefined;

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireAdmin();
  const params = await searchParams;
  const filters = { q: first(params.q), group: first(params.group), status: first(params.status) === "archived" ? "archived" : first(params.status) === "all" ? "all" : "active" } as const;
  const page = Math.max(1, Math.trunc(Number(first(params.page) ?? 1)) || 1);
  const [{ rows, total }, groups, currencies] = await Promise.all([
    listProducts(actor, { q: filters.q, group: filters.group, active: filters.status === "all" ? undefined : filters.status === "active" }, { skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    productGroups(actor),
    listCurrencyUsage(actor),
  ]);
  return (
    <>
      <PageHeader title="Products" description="The catalog salespeople build deals from. Archived products stay on old deals and leave the picker." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <ProductSettings products={rows} total={total} page={page} pageSize={PAGE_SIZE} filters={filters} groups={groups} currencies={currencies.filter((c) => c.active).map((c) => c.code)} />
      </div>
    </>
  );
}
