import { undoImportEndpoint } from "@/lib/api/endpoints/imports";
import { apiRoute } from "@/lib/api/route";
import { undoImport } from "@/lib/server/imports/undo";

export const POST = apiRoute(undoImportEndpoint, ({ actor, params }) => undoImport(actor, params.id));
