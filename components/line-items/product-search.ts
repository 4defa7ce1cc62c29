// Products on the client: the query keys of catalog reads and the line editor's product search.
import type { SearchSource } from "@/components/forms/use-search";
import { searchProductsAction } from "@/lib/actions/line-items";
import type { ProductOption } from "@/lib/server/products/read";

export const productKeys = {
  all: ["products"] as const,
  search: () => ["products", "search"] as const,
};

export const productSearch: SearchSource<ProductOption> = {
  key: productKeys.search(),
  run: async (q) => {
    const result = await searchProductsAction({ q });
    return result.ok ? result.data : [];
  },
};
