// One request id per request, shared by the proxy (pages and server actions),
// the API wrapper and the logs: a caller's well-formed X-Request-Id is kept (so
// a trace spans systems), anything else is replaced by a fresh UUID.
const WELL_FORMED = /^[\w.:-]{8,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && WELL_FORMED.test(incoming) ? incoming : crypto.randomUUID();
}
