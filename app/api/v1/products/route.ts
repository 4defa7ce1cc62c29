import { createProduct as createEndpoint, listProducts as listEndpoint } from "@/lib/api/endpoints/products";
import { pageOf, pageWindow } from "@/lib/api/pagination";
import { created, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { listProducts } from "@/lib/server/products/read";
import { createProduct } from "@/lib/server/products/write";

export const GET = apiRoute(listEndpoint, async ({ actor, query }) => {
  const { limit: _limit, offset: _offset, cursor: _cursor, ...filters } = query;
  const window = pageWindow(query);
  const { total, rows } = await listProducts(actor, filters, window);
  return pageOf(rows, total, window);
});

export const POST = apiRoute(createEndpoint, async ({ actor, body }) => {
  const product = await createProduct(actor, body);
  return created(product, `/api/v1/products/${product.id}`, { ETag: versionETag(product.version) });
});
