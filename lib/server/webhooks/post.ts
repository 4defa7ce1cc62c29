// One webhook POST, made safe for a URL that a user typed:
// - http(s) only; a private, loopback or link-local address is refused unless
//   allowed, checked on the addresses DNS gives at this very moment, and the
//   connection goes to the address that was checked (the lookup hands it to
//   the socket), so a DNS answer that changes after the check cannot redirect it;
// - redirects are not followed (a 3xx is a failed attempt);
// - one deadline for connecting, sending and the whole response;
// - at most the first RESPONSE_LIMIT bytes of the response are read, then the
//   connection is dropped.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { isLocalHostName, isPrivateAddress } from "./address";

export const RESPONSE_LIMIT = 2048;

export interface PostResult {
  statusCode: number | null;
  /** The first RESPONSE_LIMIT bytes of the response, as text. */
  responseBody: string | null;
  /** Why no 2xx came back (network error, timeout, refused address, redirect), or null. */
  error: string | null;
  durationMs: number;
  ok: boolean;
}

export interface PostOptions {
  timeoutMs: number;
  allowPrivate: boolean;
  signal?: AbortSignal;
}

class RefusedAddress extends Error {}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A dns.lookup that refuses private answers: every address of the name must be public. */
function safeLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as dns.LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        return callback(new RefusedAddress(`${hostname} resolves to a private, loopback or link-local address (${list.map((a) => a.address).join(", ")}); set WEBHOOK_ALLOW_PRIVATE=true to allow it`), []);
      }
      if (options.all) callback(null, list);
      else callback(null, list[0].address, list[0].family);
    });
  };
}

// Kept-alive connections per process: a busy endpoint is not reconnected for every event.
// A pooled socket was opened to an address that passed the check when it connected.
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, allowPrivate: boolean): http.Agent {
  const key = `${protocol}${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 16, lookup: safeLookup(allowPrivate) as never };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** Why a URL may not be posted to at all, before any DNS, or null. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL starting with https:// or http://";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http:// and https:// URLs can receive webhooks";
  if (url.username || url.password) return "Put no user name or password in the URL; verify the signature instead";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(host) ? isPrivateAddress(host) : isLocalHostName(host)) {
    return "Private, loopback and link-local addresses cannot receive webhooks (an administrator can allow them with WEBHOOK_ALLOW_PRIVATE=true)";
  }
  return null;
}

export function postJson(rawUrl: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostResult> {
  const started = performance.now();
  const finish = (partial: Omit<PostResult, "durationMs" | "ok">): PostResult => ({
    ...partial,
    durationMs: Math.round(performance.now() - started),
    ok: partial.error === null && partial.statusCode !== null && partial.statusCode >= 200 && partial.statusCode < 300,
  });
  const problem = urlProblem(rawUrl, options.allowPrivate);
  if (problem) return Promise.resolve(finish({ statusCode: null, responseBody: null, error: problem }));
  const url = new URL(rawUrl);
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Omit<PostResult, "durationMs" | "ok">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve(finish(result));
    };
    const request = client.request(url, {
      method: "POST",
      agent: agentFor(url.protocol, options.allowPrivate),
      headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body), "User-Agent": "PipelineCRM-Webhooks/1", ...headers },
    });
    const timer = setTimeout(() => {
      request.destroy();
      done({ statusCode: null, responseBody: null, error: `No complete answer within ${options.timeoutMs / 1000} s` });
    }, options.timeoutMs);
    const onAbort = () => {
      request.destroy();
      done({ statusCode: null, responseBody: null, error: "Stopped: the app was shutting down" });
    };
    options.signal?.addEventListener("abort", onAbort);
    request.on("error", (error) => {
      const message = error instanceof RefusedAddress ? error.message : `Could not deliver: ${(error as NodeJS.ErrnoException).code ?? error.message}`;
      done({ statusCode: null, responseBody: null, error: message });
    });
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const status = response.statusCode ?? null;
      const redirect = status !== null && status >= 300 && status < 400 ? `Redirect to ${response.headers.location ?? "(no location)"} not followed` : null;
      const end = () => done({ statusCode: status, responseBody: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_LIMIT), error: redirect });
      response.on("data", (chunk: Buffer) => {
        if (size < RESPONSE_LIMIT) chunks.push(chunk.subarray(0, RESPONSE_LIMIT - size));
        size += chunk.length;
        if (size >= RESPONSE_LIMIT) {
          end();
          response.destroy(); // the rest is not read
        }
      });
      response.on("end", end);
      response.on("error", end);
      response.on("close", end);
    });
    request.end(body);
  });
}
