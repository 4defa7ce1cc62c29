// Requests refused before Next.js routes them (called from proxy.ts), because
// Next.js itself would answer them with a 500, with a 200 carrying an error
// row, or let them reach a database query: each gets the API's error shape, a
// 4xx, and one warning in the log instead.
import { logger } from "@/lib/log";
import { requestIdFrom } from "@/lib/server/request-id";
import { urlNulFields } from "@/lib/validation/nul";
import { formReply, replyBodyProblem, textReply, type ReplyBody } from "./action-body";
import { MAX_BODY_BYTES } from "./body";
import { requestHost } from "./forwarded";
import { originMatchesHost } from "./same-origin";

interface Refusal {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
}

function decodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const contentType = (request: Request) => (request.headers.get("content-type") ?? "").toLowerCase();

/** What Next.js takes for a server action: a POST naming one, or a form post to a page (no JavaScript). */
function isPossibleServerAction(request: Request, url: URL): boolean {
  if (request.method !== "POST" || url.pathname.startsWith("/api/")) return false;
  const type = contentType(request);
  return request.headers.has("next-action") || type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

const badRequest = (message: string): Refusal => ({ status: 400, code: "BAD_REQUEST", message });

/** React's reply format, as Next.js would decode it; null when the body is well formed. */
async function actionBodyRefusal(request: Request): Promise<Refusal | null> {
  // Next.js answers a body over its 1 MB limit with a 500 (a TODO in its action handler).
  const tooLarge = badRequest("The request body is larger than 1 MB");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge;
  const type = contentType(request);
  if (type.startsWith("application/x-www-form-urlencoded")) return badRequest("Send a server action's arguments as text or multipart form data");
  let body: ReplyBody;
  if (type.startsWith("multipart/form-data")) {
    try {
      body = formReply(await request.clone().formData());
    } catch {
      return badRequest("The action body is not valid multipart form data");
    }
  } else {
    const text = await request.clone().text();
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) return tooLarge;
    body = textReply(text);
  }
  const problem = replyBodyProblem(body);
  return problem ? badRequest(problem) : null;
}

async function refusal(request: Request, url: URL): Promise<Refusal | null> {
  // Next.js answers a path it cannot decode (a malformed %-escape) with a plain-text 500.
  if (!decodable(url.pathname)) return badRequest("The address is not properly percent-encoded");
  if (isPossibleServerAction(request, url)) {
    // Next.js refuses an action from another origin by throwing (a 500); the refusal is right, the status is not.
    const origin = request.headers.get("origin");
    if (origin !== null && !originMatchesHost(origin, requestHost(request.headers))) {
      return { status: 403, code: "FORBIDDEN", message: "Server actions are refused from another origin" };
    }
    if (request.headers.has("next-action")) {
      const bad = await actionBodyRefusal(request);
      if (bad) return bad;
    }
  }
  // Pages and the CSV export read their URL into database queries, where a NUL fails (lib/validation/nul.ts);
  // API routes check their own input, naming the field.
  const nul = url.pathname.startsWith("/api/") ? null : urlNulFields(url);
  if (nul) return { status: 422, code: "VALIDATION", message: "Some fields are invalid", fields: nul };
  return null;
}

export async function refusedAtTheEdge(request: Request): Promise<Response | null> {
  const url = new URL(request.url);
  const refused = await refusal(request, url);
  if (!refused) return null;
  const requestId = requestIdFrom(request.headers);
  const { status, ...error } = refused;
  logger.warn({ requestId, method: request.method, path: url.pathname.slice(0, 300), status, code: error.code, reason: error.message.slice(0, 200) }, "request refused at the edge");
  return Response.json({ error: { ...error, requestId } }, { status, headers: { "Cache-Control": "no-store", "X-Request-Id": requestId } });
}
