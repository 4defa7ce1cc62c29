// What /api/v1 answers for a path no endpoint serves (app/api/v1/[...path]):
// the API's own 404 in its error shape, for every method, instead of Next.js's
// HTML page. It goes through apiRoute like every endpoint, so the caller is
// identified first (anonymous callers get 401, as on every other path: an
// unauthenticated scan learns nothing about which paths exist), and it carries
// a request id and a log line. Deliberately not in ALL_ENDPOINTS: the OpenAPI
// document lists what exists.
import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { endpoint } from "./endpoint";
import { apiRoute } from "./route";

const unknownPath = endpoint({
  method: "get",
  path: "/{path}",
  tag: "Meta",
  summary: "Any path no endpoint serves",
  auth: "user",
  response: z.never(),
});

export const unknownApiPath = apiRoute(unknownPath, async ({ request }) => {
  const path = new URL(request.url).pathname.slice(0, 200);
  throw new AppError("NOT_FOUND", `No endpoint serves ${request.method} ${path}; the endpoints are listed in /api/v1/openapi.json`);
});
