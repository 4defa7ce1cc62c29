import { sessionRoute } from "@/lib/api/session-route";
import { openLiveStream, startPosition } from "@/lib/server/live/stream";

export const dynamic = "force-dynamic";

/** Live updates for one browser tab: Server-Sent Events of the changes the user may see (lib/server/live/stream.ts). */
export const GET = sessionRoute(({ actor, request, url }) => openLiveStream(actor, request, startPosition(request, url)));
