// The arguments of `next start`, shared by `npm start` (scripts/run.mjs) and the
// test servers (tests/support/app-server.ts) so that tests run what users run.
//
// Idle keep-alive connections stay open 65 s instead of Node's 5 s. A client
// or proxy that reuses a connection at the moment the server closes it gets
// "socket hang up" with no answer (the long fuzz met it once in 20,000 calls
// on a loaded machine). Proxies and client pools close idle connections after
// their own timeout (HAProxy's `timeout http-keep-alive`, a load balancer's 60 s
// idle timeout, undici's 4 s or the server's Keep-Alive hint less a margin): the
// server must be the last to close, so its timeout is longer than theirs.
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** `next start` on this port (and host, when given). */
export function nextStartArgs(port, host) {
  return ["start", "-p", String(port), ...(host ? ["-H", host] : []), "--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS)];
}
