// Forwarded headers are believed only as far as TRUST_PROXY says: without a
// proxy the client's own X-Forwarded-For/-Host are replaced or ignored.
import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { clientAddress, normalizeAddress, requestHost } from "@/lib/api/forwarded";
import { isSameOrigin } from "@/lib/api/same-origin";
import { replaceForwardedHeaders } from "@/lib/server/forwarded-headers";

const headers = (h: Record<string, string>) => new Headers(h);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("client address", () => {
  it("is the entry the nearest trusted proxy wrote, never one the client wrote before it", () => {
    const h = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.2" });
    expect(clientAddress(h, 1)).toBe("10.0.0.2");
    expect(clientAddress(h, 2)).toBe("203.0.113.7");
    expect(clientAddress(h, 9)).toBe("6.6.6.6");
    // Without a proxy the one entry is the socket's (lib/server/forwarded-headers.ts put it there).
    expect(clientAddress(headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), 0)).toBe("127.0.0.1");
    expect(clientAddress(headers({}), 0)).toBeNull();
    expect(normalizeAddress(" 2001:db8::1 ")).toBe("2001:db8::1");
  });

  it("comes from the socket when no proxy is trusted: the client's forwarded headers are replaced as the request arrives", () => {
    const request = {
      headers: { host: "crm.example", "x-forwarded-for": "1.2.3.4", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-real-ip": "5.6.7.8", forwarded: "for=9.9.9.9" },
      socket: { remoteAddress: "198.51.100.20" },
    } as unknown as IncomingMessage;
    replaceForwardedHeaders(request);
    expect(request.headers).toEqual({ host: "crm.example", "x-forwarded-for": "198.51.100.20" });
  });
});

describe("request host", () => {
  const forged = headers({ host: "crm.example", "x-forwarded-host": "evil.example", origin: "https://evil.example" });

  it("is the Host header unless a proxy is trusted to set X-Forwarded-Host", () => {
    expect(requestHost(forged, 0)).toBe("crm.example");
    expect(requestHost(forged, 1)).toBe("evil.example");
    expect(requestHost(headers({ host: "crm.example" }), 1)).toBe("crm.example");
  });

  it("decides the session same-origin check: a forged X-Forwarded-Host passes only behind a trusted proxy", async () => {
    const request = new Request("http://crm.example/api/v1/api-keys", { method: "POST", headers: forged });
    vi.stubEnv("TRUST_PROXY", "");
    expect(isSameOrigin(request)).toBe(false);
    vi.resetModules();
    vi.stubEnv("TRUST_PROXY", "1");
    const fresh = await import("@/lib/api/same-origin");
    expect(fresh.isSameOrigin(request)).toBe(true);
  });
});
