// A real HTTP server standing in for a webhook receiver: records every request
// (headers, raw body, arrival time) and answers as the test says (status,
// delay, body, redirect), per request.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { VERIFY_SNIPPET } from "@/lib/server/webhooks/signature";

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: { id: string; type: string; data: Record<string, unknown> | null; record: { type: string; id: string } } & Record<string, unknown>;
  at: number;
}

export interface Answer {
  status?: number;
  delayMs?: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** How to answer the n-th request (0-based) of a path; the default is 200 at once. */
  respond: (req: Received, n: number) => Answer;
  /** Resolves once `count` requests matching `filter` arrived. */
  waitFor(count: number, filter?: (r: Received) => boolean, timeoutMs?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const perPath = new Map<string, number>();
  const sockets = new Set<import("node:net").Socket>();
  const receiver: Receiver = {
    url: "",
    received,
    respond: () => ({}),
    async waitFor(count, filter = () => true, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(filter);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) throw new Error(`the receiver got ${matching.length} of ${count} expected requests`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      let json: Received["json"];
      try {
        json = JSON.parse(body);
      } catch {
        json = {} as Received["json"];
      }
      const r: Received = { path: req.url ?? "/", headers: req.headers, body, json, at: Date.now() };
      received.push(r);
      const n = perPath.get(r.path) ?? 0;
      perPath.set(r.path, n + 1);
      const answer = receiver.respond(r, n);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status ?? 200, { "Content-Type": "text/plain", ...answer.headers });
        res.end(answer.body ?? "ok");
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}

/** The verification recipe exactly as the API reference shows it (VERIFY_SNIPPET), compiled. */
export function documentedVerifier(): (secret: string, headers: http.IncomingHttpHeaders, rawBody: string, toleranceSeconds?: number) => boolean {
  const require = createRequire(import.meta.url);
  return new Function("require", `${VERIFY_SNIPPET}\nreturn verifyPipelineWebhook;`)(require);
}
