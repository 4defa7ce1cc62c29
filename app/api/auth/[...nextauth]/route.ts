import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth/auth";
import { currentActor } from "@/lib/server/auth/session";

/**
 * Auth.js answers GET /api/auth/session from the cookie alone: a session ended
 * on the server (lib/server/sessions/) must read as signed out there too.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/session") && !(await currentActor().catch(() => null))) {
    return Response.json(null, { headers: { "Cache-Control": "no-store" } });
  }
  return handlers.GET(request);
}

export const { POST } = handlers;
