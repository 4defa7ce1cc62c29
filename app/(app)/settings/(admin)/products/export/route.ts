// GET /settings/products/export: the catalog as CSV (admins), in the columns the import reads.
import { csvResponse, sessionRoute } from "@/lib/api/session-route";
import { exportProductsCsv } from "@/lib/server/products/csv";

export const GET = sessionRoute(async ({ actor }) => csvResponse("products", await exportProductsCsv(actor)));
