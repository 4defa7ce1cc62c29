// Contract tests of /api/v1/imports over HTTP against the production build:
// multipart and text/csv uploads, the background job run by the server's own
// worker, the rejected rows, undo, who may import, and bad input answered
// with the error shape (never a 500).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { call, signInCookie } from "../support/http-client";
import { availableKinds } from "../support/test-database";

describe.each(availableKinds())("imports API on %s", (kind) => {
  let app: AppServer;
  let manager: string;
  let bob: string;

  async function keyFor(email: string) {
    const cookie = await signInCookie(app.url, email);
    return (await call(app.url, "POST", "/api/v1/api-keys", { cookie, headers: { Origin: app.url }, body: { name: "contract" } })).body.secret as string;
  }
  const api = (key: string, method: string, path: string) => call(app.url, method, `/api/v1${path}`, { key });
  async function post(key: string, query: string, body: BodyInit, contentType?: string) {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
    if (contentType) headers["Content-Type"] = contentType;
    const res = await fetch(`${app.url}/api/v1/imports${query}`, { method: "POST", headers, body });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }
  function form(csv: string, fields: Record<string, string>) {
    const f = new FormData();
    f.set("file", new File([csv], "deals.csv", { type: "text/csv" }));
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  }
  async function until(key: string, id: string, statuses: string[]) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const res = await api(key, "GET", `/imports/${id}`);
      if (statuses.includes(res.body.status) || Date.now() > deadline) return res.body;
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  beforeAll(async () => {
    app = await startAppServer(kind);
    [manager, bob] = await Promise.all(["manager@example.com", "bob@example.com"].map(keyFor));
  });
  afterAll(() => app?.stop());

  it("imports a multipart file in the background, lists its rejected rows, and undoes it", async () => {
    const csv = "Opportunity Name,Amount,Stage,Opportunity ID\nAPI deal one,100.00,Lead,api-1\nAPI deal two,oops,Lead,api-2\nAPI deal three,5,Qualified,api-3\n";
    const res = await post(manager, "", form(csv, { entity: "opportunity", settings: JSON.stringify({ mode: "upsert" }) }));
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/imports/${res.body.id}`);
    expect(res.body).toMatchObject({ entity: "opportunity", fileName: "deals.csv", status: "QUEUED", totalRows: 3, settings: { mode: "upsert", mapping: ["title", "amount", "stage", "externalId"] } });
    const done = await until(manager, res.body.id, ["DONE", "FAILED"]);
    expect(done).toMatchObject({ status: "DONE", createdCount: 2, failedCount: 1, processedRows: 3 });
    const errors = await api(manager, "GET", `/imports/${res.body.id}/errors`);
    expect(errors.body).toMatchObject({ total: 1, data: [{ row: 3, column: "Amount", message: "Not a number; write it like 1,234.56" }] });
    expect((await api(manager, "GET", "/opportunities?q=API%20deal")).body.total).toBe(2);

    expect((await api(bob, "GET", `/imports/${res.body.id}`)).status).toBe(403);
    expect((await api(bob, "POST", `/imports/${res.body.id}/undo`)).status).toBe(403);
    const undo = await api(manager, "POST", `/imports/${res.body.id}/undo`);
    expect({ status: undo.status, state: undo.body.status }).toEqual({ status: 200, state: "UNDOING" });
    expect(await until(manager, res.body.id, ["UNDONE", "FAILED"])).toMatchObject({ status: "UNDONE", error: null });
    expect((await api(manager, "GET", "/opportunities?q=API%20deal")).body.total).toBe(0);
    expect((await api(manager, "POST", `/imports/${res.body.id}/undo`)).status).toBe(409);
  });

  it("takes a raw text/csv body with ?entity=, and a dry run saves nothing", async () => {
    const res = await post(manager, "?entity=account&dryRun=true", "Company name,Website\nRaw Body Co,rawbody.example\n", "text/csv");
    expect(res.status).toBe(201);
    expect(res.body.status).toBe("VALIDATING");
    expect(await until(manager, res.body.id, ["VALIDATED"])).toMatchObject({ status: "VALIDATED", failedCount: 0, preview: { wouldCreate: 1 } });
    expect((await api(manager, "GET", "/accounts?q=Raw%20Body")).body.total).toBe(0);
  });

  it("refuses salespeople and bad input with the error shape, never a 500", async () => {
    expect((await post(bob, "", form("title,stage\nx,Lead\n", { entity: "opportunity" }))).status).toBe(403);
    const cases: [string, BodyInit, string | undefined, number, Record<string, unknown>][] = [
      ["", form("", { entity: "opportunity" }), undefined, 422, { file: "The file is empty" }],
      ["", form("title,stage\n", { entity: "opportunity" }), undefined, 422, { file: "The file has a header row but no data rows" }],
      ["", form("a,b\n1,2\n", { entity: "planet" }), undefined, 422, { entity: "Choose opportunity, account or contact" }],
      ["", form("title,stage\nx,Lead\n", { entity: "opportunity", settings: "{not json" }), undefined, 422, { settings: "Send the settings as a JSON object" }],
      ["", form("title,stage\nx,Lead\n", { entity: "opportunity", settings: JSON.stringify({ mode: "replace" }) }), undefined, 422, { "settings.mode": "Choose create, update or create-or-update" }],
      ["?entity=opportunity", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), "text/csv", 422, { file: "This is not a CSV file (it looks like a binary file); save it as CSV first" }],
      ["?entity=opportunity", "title,Title\nx,y\n", "text/csv", 422, { file: 'The column name "Title" is used twice (columns 1 and 2); rename one' }],
      ["?entity=opportunity", "Notes\nhello\n", "text/csv", 422, { mapping: "Map a column to Title; Map a column to Stage" }],
      ["", "{}", "application/json", 400, {}],
    ];
    for (const [query, body, type, status, fields] of cases) {
      const res = await post(manager, query, body, type);
      expect({ status: res.status, fields: res.body.error?.fields ?? {} }).toEqual({ status, fields });
    }
    expect((await api(manager, "GET", "/imports/nope")).status).toBe(404);
  });
});
