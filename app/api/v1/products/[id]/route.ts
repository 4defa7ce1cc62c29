import { deleteProduct as deleteEndpoint, getProduct as getEndpoint, updateProduct as updateEndpoint } from "@/lib/api/endpoints/products";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { getProduct } from "@/lib/server/products/read";
import { deleteProduct, updateProduct } from "@/lib/server/products/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const product = await getProduct(actor, params.id);
  return new ApiReply(product, 200, { ETag: versionETag(product.version) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const version = expectedVersion(request, body.version);
  const product = await updateProduct(actor, params.id, version === null ? body : { ...body, version });
  return new ApiReply(product, 200, { ETag: versionETag(product.version) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, request }) =>
  deleteProduct(actor, params.id, expectedVersion(request) ?? undefined),
);
