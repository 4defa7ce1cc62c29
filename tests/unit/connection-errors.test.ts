import { describe, expect, it } from "vitest";
import { isConnectionError } from "@/lib/db/connection-errors";
import { toAppError } from "@/lib/server/error-mapping";

// The shapes seen from a real outage (tests/reliability/pg-restart.test.ts): Prisma wraps driver-adapter
// errors in a known request error with the adapter's kind in meta; node-postgres' own errors arrive bare.
const prismaWrapped = (cause: Record<string, unknown>, message = "Raw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:5`") =>
  Object.assign(new Error(message), {
    code: "P2010",
    meta: { driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("connection errors", () => {
  it.each([
    ["refused (adapter kind)", prismaWrapped({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5 })],
    ["closed (adapter kind)", prismaWrapped({ kind: "ConnectionClosed" })],
    ["server shutting down (SQLSTATE 57P01)", prismaWrapped({ kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["starting up (57P03)", Object.assign(new Error("the database system is starting up"), { code: "57P03" })],
    ["Prisma P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["transaction could not start (P2028)", Object.assign(new Error("Unable to start a transaction in the given time."), { code: "P2028" })],
    ["socket refused", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), { code: "ECONNREFUSED" })],
    ["connection lost mid-query", new Error("Connection terminated unexpectedly")],
    ["pool could not connect in time", new Error("timeout exceeded when trying to connect")],
    ["frozen server", new Error("Query read timeout")],
    ["wrapped as a cause", new Error("outer", { cause: new Error("Connection terminated due to connection timeout") })],
  ])("recognises %s and maps it to 503 UNAVAILABLE", (_, error) => {
    expect(isConnectionError(error)).toBe(true);
    const mapped = toAppError(error);
    expect(mapped?.code).toBe("UNAVAILABLE");
    expect(mapped?.status).toBe(503);
    expect(mapped?.retryAfterSeconds).toBe(5);
  });

  it.each([
    ["a unique violation", prismaWrapped({ kind: "UniqueConstraintViolation" }, "Unique constraint failed on the fields: (`email`)")],
    ["a syntax error", prismaWrapped({ kind: "postgres", code: "42601", originalCode: "42601" }, "Raw query failed. Code: `42601`. Message: `syntax error`")],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("leaves %s alone", (_, error) => {
    expect(isConnectionError(error)).toBe(false);
    expect(toAppError(error)?.code).not.toBe("UNAVAILABLE");
  });
});
