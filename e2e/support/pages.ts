// Every page of the app, one row each, for the checks that must cover them
// all (axe in both themes, the phone width). The rows are compared with the
// page files on disk (tests/support/app-routes.ts): a new page without a row
// fails those checks, like a route without its row in the access table.
import type { Page } from "@playwright/test";

export interface PageRow {
  /** The URL to open, from the URL path with its parameters filled from the demo data. */
  url: (page: Page) => Promise<string>;
  /** Signed out (the sign-in page); every other page is opened as the admin, who sees every page. */
  anonymous?: boolean;
}

async function firstId(page: Page, resource: string): Promise<string> {
  const response = await page.request.get(`/api/v1/${resource}?limit=1`);
  if (!response.ok()) throw new Error(`GET /api/v1/${resource}: ${response.status()}`);
  const { data } = (await response.json()) as { data: { id: string }[] };
  if (!data[0]) throw new Error(`no ${resource} in the demo data`);
  return data[0].id;
}

const fixed = (url: string): PageRow => ({ url: async () => url });
const withId = (resource: string, template: (id: string) => string): PageRow => ({ url: async (page) => template(await firstId(page, resource)) });

/** An endpoint of the admin's (the demo data has none): the first one, created on first use. */
const webhookPage: PageRow = {
  url: async (page) => {
    const listed = await page.request.get("/api/v1/webhooks?limit=1");
    if (!listed.ok()) throw new Error(`GET /api/v1/webhooks: ${listed.status()}`);
    const existing = ((await listed.json()) as { data: { id: string }[] }).data[0];
    if (existing) return `/settings/webhooks/${existing.id}`;
    // The e2e server allows private addresses (WEBHOOK_ALLOW_PRIVATE): nothing listens on port 9.
    const created = await page.request.post("/api/v1/webhooks", {
      headers: { Origin: new URL(listed.url()).origin },
      data: { url: "http://127.0.0.1:9/hook", eventTypes: ["opportunity.won"], description: "Page check" },
    });
    if (!created.ok()) throw new Error(`POST /api/v1/webhooks: ${created.status()} ${await created.text()}`);
    return `/settings/webhooks/${((await created.json()) as { id: string }).id}`;
  },
};

export const PAGES: Record<string, PageRow> = {
  "/": fixed("/"),
  "/signin": { url: async () => "/signin", anonymous: true },
  "/board": fixed("/board"),
  "/board/{pipelineId}": withId("pipelines", (id) => `/board/${id}`),
  "/opportunities": fixed("/opportunities"),
  "/opportunities/new": fixed("/opportunities/new"),
  "/opportunities/{id}": withId("opportunities", (id) => `/opportunities/${id}`),
  "/opportunities/{id}/edit": withId("opportunities", (id) => `/opportunities/${id}/edit`),
  "/forecast": fixed("/forecast"),
  "/import": fixed("/import"),
  "/accounts": fixed("/accounts"),
  "/accounts/new": fixed("/accounts/new"),
  "/accounts/{id}": withId("accounts", (id) => `/accounts/${id}`),
  "/accounts/{id}/edit": withId("accounts", (id) => `/accounts/${id}/edit`),
  "/contacts": fixed("/contacts"),
  "/contacts/new": fixed("/contacts/new"),
  "/contacts/{id}": withId("contacts", (id) => `/contacts/${id}`),
  "/contacts/{id}/edit": withId("contacts", (id) => `/contacts/${id}/edit`),
  "/profile": fixed("/profile"),
  "/api-docs": fixed("/api-docs"),
  "/settings": fixed("/settings"),
  "/settings/api-keys": fixed("/settings/api-keys"),
  "/settings/audit": fixed("/settings/audit"),
  "/settings/currencies": fixed("/settings/currencies"),
  "/settings/fields": fixed("/settings/fields"),
  "/settings/lists": fixed("/settings/lists"),
  "/settings/pipelines": fixed("/settings/pipelines"),
  "/settings/products": fixed("/settings/products"),
  "/settings/quotas": fixed("/settings/quotas"),
  "/settings/users": fixed("/settings/users"),
  "/settings/webhooks": fixed("/settings/webhooks"),
  "/settings/webhooks/{id}": webhookPage,
};
