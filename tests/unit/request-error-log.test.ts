import { describe, expect, it } from "vitest";
import { requestErrorRecord } from "@/lib/server/request-log";

const request = { path: "/opportunities?page=2", method: "GET", headers: { "x-request-id": "trace-err-0001" } };
const context = { routePath: "/(app)/opportunities", routeType: "render" };

describe("page and route error log records", () => {
  it("logs a bug as an error with the error itself, under the request id", () => {
    const bug = new TypeError("x is undefined");
    expect(requestErrorRecord(bug, request, context)).toEqual({
      level: "error",
      msg: "request failed",
      fields: { requestId: "trace-err-0001", method: "GET", path: "/opportunities", route: "/(app)/opportunities", routeType: "render", err: bug },
    });
  });

  it("logs a lost database as a warning with its code and no stack", () => {
    const lost = Object.assign(new Error("Connection terminated unexpectedly"), { code: undefined });
    const record = requestErrorRecord(lost, { ...request, headers: {} }, context);
    expect(record.level).toBe("warn");
    expect(record.fields).toMatchObject({ requestId: undefined, code: "UNAVAILABLE", error: "Connection terminated unexpectedly" });
    expect(record.fields).not.toHaveProperty("err");
  });
});
