// One Server-Sent Events stream per browser tab (GET /api/stream):
// - starts where the client stands: the Last-Event-ID its EventSource sends
//   after a drop, else `?after=` (the outbox position the page was rendered
//   at), else now; what lies between is read from the outbox with the feed's
//   own visibility rule (readFeed) while the hub's live batches for this
//   client wait in a buffer, then the buffer is played without what the
//   catch-up already sent (by position), then the stream goes live;
// - a client too far behind (more than CATCH_UP_PAGES pages, or a cursor older
//   than retention) gets `event: reset`: reload what you show, then follow;
// - every HEARTBEAT_MS a comment line with the current position as the id (so
//   proxies keep the connection and a reconnection resumes past events the
//   user could not see without reading them again);
// - a client that does not read (its queue passes MAX_QUEUED chunks) is cut
//   off: it reconnects and catches up from the outbox, never holding memory.
import type { Actor } from "../auth/actor";
import { seesEverything } from "../auth/actor";
import { AppError } from "../errors";
import { comparePositions, encodeCursor, parseCursor, type OutboxPosition } from "../events/cursor";
import { readFeed } from "../events/feed";
import { instanceName } from "../instance";
import { liveEvent, liveHub, type LiveClient, type LiveEvent } from "./hub";

const encoder = new TextEncoder();
const CATCH_UP_PAGE = 500;
const CATCH_UP_PAGES = 4;
const MAX_QUEUED = 2000;
/** How long the browser waits before reconnecting (the SSE `retry:` field). */
export const RECONNECT_MS = 1500;

const heartbeatMs = () => Number(process.env.LIVE_HEARTBEAT_MS) || 15_000;
const maxStreams = () => Number(process.env.LIVE_MAX_STREAMS) || 2000;

export function sseEvent(event: LiveEvent): string {
  const { cursor, ...data } = event;
  return `id: ${cursor}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Where the stream starts: Last-Event-ID (a reconnection) wins over `after`. */
export function startPosition(request: Request, url: URL): OutboxPosition | null {
  const last = request.headers.get("last-event-id");
  if (last) return parseCursor(last, "Last-Event-ID");
  const after = url.searchParams.get("after");
  return after ? parseCursor(after, "after") : null;
}

export async function openLiveStream(actor: Actor, request: Request, start: OutboxPosition | null): Promise<Response> {
  if (!actor.sessionId) throw new AppError("FORBIDDEN", "Live updates are for browser sessions");
  const hub = liveHub();
  if (hub.size >= maxStreams()) throw new AppError("UNAVAILABLE", "This instance serves as many live connections as it may; try again shortly", undefined, 5);

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let cursor: OutboxPosition | null = start;
  /** Batches that arrived during the catch-up; null once live. */
  let waiting: { events: LiveEvent[]; position: OutboxPosition }[] | null = [];
  let heartbeat: NodeJS.Timeout | null = null;

  const write = (text: string) => {
    if (closed) return;
    if ((controller.desiredSize ?? 0) < -MAX_QUEUED) return end("the client does not read");
    controller.enqueue(encoder.encode(text));
  };
  const send = (events: LiveEvent[], position: OutboxPosition) => {
    for (const event of events) {
      const at = parseCursor(event.cursor);
      if (cursor && comparePositions(at, cursor) <= 0) continue;
      write(sseEvent(event));
      cursor = at;
    }
    if (!cursor || comparePositions(position, cursor) > 0) cursor = position;
  };
  const client: LiveClient = {
    userId: actor.id,
    sessionId: actor.sessionId,
    seesEverything: seesEverything(actor),
    deliver(events, position) {
      if (waiting) waiting.push({ events, position });
      else send(events, position);
    },
    end: (reason) => end(reason),
  };
  function end(_reason: string) {
    if (closed) return;
    closed = true;
    hub.remove(client);
    if (heartbeat) clearInterval(heartbeat);
    request.signal.removeEventListener("abort", onAbort);
    try {
      controller.close();
    } catch {
      // already cancelled by the client
    }
  }
  const onAbort = () => end("client gone");

  async function catchUp(joined: OutboxPosition): Promise<void> {
    if (!cursor) {
      cursor = joined;
      return;
    }
    for (let page = 0; page < CATCH_UP_PAGES; page++) {
      let feed;
      try {
        feed = await readFeed(actor, { after: encodeCursor(cursor), limit: CATCH_UP_PAGE });
      } catch (error) {
        if (error instanceof AppError && error.code === "GONE") break;
        throw error;
      }
      send(
        feed.data.map((e) => liveEvent(e.cursor, e.type, e.record.type, e.record.id, e.data)),
        parseCursor(feed.nextCursor),
      );
      if (!feed.hasMore) return;
    }
    // Too far behind (or past retention): the page reloads, then follows from the hub's position.
    cursor = joined;
    write(`id: ${encodeCursor(joined)}\nevent: reset\ndata: {}\n\n`);
  }

  const body = new ReadableStream<Uint8Array>(
    {
      async start(c) {
        controller = c;
        request.signal.addEventListener("abort", onAbort);
        write(`retry: ${RECONNECT_MS}\nevent: hello\ndata: ${JSON.stringify({ instance: instanceName() })}\n\n`);
        try {
          const joined = await hub.add(client);
          await catchUp(joined);
          const buffered = waiting ?? [];
          waiting = null;
          for (const batch of buffered) send(batch.events, batch.position);
          if (cursor) write(`id: ${encodeCursor(cursor)}\nevent: live\ndata: {}\n\n`);
          heartbeat = setInterval(() => write(`: ping\nid: ${encodeCursor(cursor!)}\n\n`), heartbeatMs());
          heartbeat.unref();
        } catch {
          end("the database failed");
        }
      },
      cancel() {
        end("client gone");
      },
    },
    { highWaterMark: 0 },
  );

  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform: no compression or buffering by the server or a proxy.
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
      "X-Instance": instanceName(),
    },
  });
}
