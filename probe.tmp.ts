import fs from "node:fs";
import { startAppServer } from "./tests/support/app-server";
import { signInCookie } from "./tests/support/http-client";
const app = await startAppServer("pglite");
try {
  const cookie = await signInCookie(app.url, "bob@example.com");
  for (const [id, page, input, ck] of [
    ["7f8d069c", "/settings/users", { email: "x@y.z", name: "X", role: "ADMIN" }, undefined],
    ["7f8d069c", "/settings/users", { email: "x@y.z", name: "X", role: "ADMIN" }, cookie],
    ["40d8a12d", "/opportunities/abc/edit", { id: "nope" }, cookie],
  ] as const) {
    const m = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json","utf8")).node;
    const full = Object.keys(m).find((k) => k.startsWith(id))!;
    const r = await fetch(app.url + page, { method: "POST", headers: { "Next-Action": full, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: app.url, ...(ck ? { Cookie: ck } : {}) }, body: JSON.stringify([input]) , redirect: "manual"});
    console.log(r.status, r.headers.get("content-type"), JSON.stringify((await r.text()).slice(0, 600)));
  }
} finally { await app.stop(); }
