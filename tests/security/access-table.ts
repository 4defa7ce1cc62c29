// Who may call what: one row per route handler ("METHOD /path", from app/**/route.ts)
// and per server action ("file#export", from the build's action manifest and the
// "use server" sources). tests/security/access-control.test.ts runs every row:
// anonymous and a deactivated user's session and key are refused everywhere;
// `foreign` aims the call as bob (SALES) at alice's private opportunity (or
// another record of hers); `admin` calls an admin-only operation as bob and as
// the manager. A route or action without a row fails that test.
//
// Adding a row is one line, for example:
//   "GET /api/v1/pipelines": route({ foreign: na(SHARED_SETTINGS), admin: na("reading is for everyone") }),
//   "DELETE /api/v1/pipelines/{id}": route({ foreign: na(SHARED_SETTINGS), admin: salesRefused((f) => `/api/v1/pipelines/${f.pipelineId}`) }),
//   "lib/actions/x.ts#doThingAction": action(doThingSchema, { foreign: refusedAction((f) => ({ id: f.secret.id })), admin: na(NOT_ADMIN) }),
import type { z } from "zod";
import { activityCreateSchema, activityIdActionSchema, activityUpdateActionSchema } from "@/lib/validation/activity";
import { noteCreateSchema, noteIdActionSchema, noteUpdateActionSchema } from "@/lib/validation/note";
import { notificationReadActionSchema, notificationsReadAllSchema } from "@/lib/validation/notification";
import { accountCreateSchema, accountDeleteSchema, accountIdActionSchema, accountSearchActionSchema, accountUpdateActionSchema } from "@/lib/validation/account";
import { createApiKeySchema, revokeApiKeySchema } from "@/lib/validation/api-keys";
import { contactCreateSchema, contactDeleteSchema, contactIdActionSchema, contactSearchActionSchema, contactUpdateActionSchema } from "@/lib/validation/contact";
import { lineItemsReplaceActionSchema } from "@/lib/validation/line-items";
import { moveOpportunitySchema } from "@/lib/validation/move";
import {
  opportunityBulkDeleteSchema, opportunityBulkSchema, opportunityCreateSchema, opportunityDeleteSchema, opportunityIdSchema, opportunityUpdateActionSchema,
} from "@/lib/validation/opportunity";
import { reorderSchema } from "@/lib/validation/common-fields";
import { currencyCreateSchema, currencyUpdateActionSchema } from "@/lib/validation/currencies";
import { customFieldActiveSchema, customFieldCreateSchema, customFieldUpdateSchema } from "@/lib/validation/custom-fields";
import { listItemCreateActionSchema, listItemUpdateActionSchema, listReorderSchema } from "@/lib/validation/lists";
import { pipelineCreateSchema, pipelineDeleteActionSchema, pipelineUpdateActionSchema } from "@/lib/validation/pipelines";
import { productCreateSchema, productIdSchema, productImportSchema, productSearchSchema, productUpdateActionSchema } from "@/lib/validation/products";
import { importConfigureSchema, importIdSchema, importMappingSaveSchema, importStartSchema } from "@/lib/validation/imports";
import { changePasswordSchema, notificationPrefsSchema, otherSessionsSchema, profileNameSchema, sessionIdSchema } from "@/lib/validation/profile";
import { quotaDeleteSchema, quotaUpsertSchema } from "@/lib/validation/quotas";
import { webhookCreateSchema, webhookDeliveryIdSchema, webhookIdSchema, webhookUpdateActionSchema } from "@/lib/validation/webhooks";
import { stageCreateSchema, stageDeleteActionSchema, stageReorderSchema, stageUpdateActionSchema } from "@/lib/validation/stages";
import { reassignSchema, userActiveSchema, userCreateSchema, userIdSchema, userRoleSchema } from "@/lib/validation/users";
import type { DemoWorld } from "../support/demo-world";

/** The records the rows aim at, made by the test before it runs them. */
export interface AccessFixture {
  world: DemoWorld;
  /** Alice's private opportunity, hidden from bob, with one line item; its amount and close date are unique to it. */
  secret: { id: string; title: string; externalId: string; stageId: string; pipelineId: string; amount: string; closeMonth: { from: string; to: string }; lineId: string };
  /** Another open stage of the secret's pipeline (a place to move it to). */
  otherStageId: string;
  aliceAccountId: string;
  /** A pipeline other than the default one, and one of its stages. */
  pipelineId: string;
  stageId: string;
  /** A product of the catalog. */
  productId: string;
  /** A live session of alice's (not the one of world.cookies.alice). */
  aliceSessionId: string;
  /** An activity and a note of alice's on the secret deal, and a notification of hers about it. */
  secretActivityId: string;
  secretNoteId: string;
  aliceNotificationId: string;
  /** An activity type (admins change them). */
  activityTypeId: string;
  /** Alice's webhook endpoint (receiving everything she sees), and one delivery of it (a test event). */
  aliceWebhookId: string;
  aliceDeliveryId: string;
}

type At<T> = (f: AccessFixture) => T;
export interface NotApplicable { na: string }
export const na = (reason: string): NotApplicable => ({ na: reason });
export const isNa = (v: unknown): v is NotApplicable => !!v && typeof v === "object" && "na" in v;

// ---- Route handlers -------------------------------------------------------

export type RouteCase =
  /** The call is refused with one of `statuses`. */
  | { kind: "refuses"; path: At<string>; body?: At<unknown>; statuses: number[] }
  /** The owner's answer contains `marker`; bob's does not (or bob is refused). */
  | { kind: "hides"; path: At<string>; marker: At<string> };

export interface RouteRow {
  /** Why anyone may call it (public rows are not called). */
  public?: string;
  /** The call used for anonymous and deactivated callers; by default the route's path with its ids filled in. */
  path?: At<string>;
  body?: At<unknown>;
  foreign?: RouteCase | NotApplicable;
  /** An admin-only call, refused (403) for bob and the manager. */
  admin?: { path: At<string>; body?: At<unknown> } | NotApplicable;
}

export const publicRoute = (reason: string): RouteRow => ({ public: reason });
export const route = (row: Omit<RouteRow, "public"> & Required<Pick<RouteRow, "foreign" | "admin">>): RouteRow => row;
export const refuses = (path: At<string>, body?: At<unknown>, statuses = [403, 404]): RouteCase => ({ kind: "refuses", path, body, statuses });
export const hides = (path: At<string>, marker: At<string> = (f) => f.secret.id): RouteCase => ({ kind: "hides", path, marker });
export const salesRefused = (path: At<string>, body?: At<unknown>) => ({ path, body });

const q = (f: AccessFixture) => encodeURIComponent(f.secret.title);
const secretPath = (f: AccessFixture) => `/api/v1/opportunities/${f.secret.id}`;
const linesPath = (f: AccessFixture) => `${secretPath(f)}/line-items`;
const linePath = (f: AccessFixture) => `${linesPath(f)}/${f.secret.lineId}`;
const productPath = (f: AccessFixture) => `/api/v1/products/${f.productId}`;
const webhookPath = (f: AccessFixture) => `/api/v1/webhooks/${f.aliceWebhookId}`;
const deliveryPath = (f: AccessFixture) => `${webhookPath(f)}/deliveries/${f.aliceDeliveryId}`;
const WEBHOOK_ADMIN = "owners manage their endpoints, admins everyone's; anyone else is refused under foreign";
const CATALOG = "the product catalog is shared: everyone reads it, admins change it";
const SETTINGS = "pipelines, stages, lost reasons and currencies are shared settings, no user's record";
const READ_SETTINGS = "reading them is for everyone (the forms and the board need them)";
const SHARED = "accounts and contacts are shared by the team: anyone may read, create and edit them";
const NO_ADMIN_ROUTE = "no admin-only operation behind this route";
const UNKNOWN_PATH = "answers 404 NOT_FOUND to every signed-in caller (lib/api/unknown-path.ts): it reaches no record and no operation";
const IMPORTS = "imports are for admins and managers (lib/server/imports/access.ts): bob, a salesperson, is refused; managers may, so no admin-only row";
const DIRECTORY = "the user directory (names, emails, roles, active) is readable by every signed-in user by design";

export const ROUTES: Record<string, RouteRow> = {
  "GET /api/live": publicRoute("constant liveness answer: no data, no database"),
  "GET /api/health": publicRoute("liveness probe for load balancers: says only that the process answers"),
  "GET /api/ready": publicRoute("readiness probe: database up and migrations applied, no data"),
  "GET /api/v1/openapi.json": publicRoute("the API's published contract; holds no data"),
  "GET /api/auth/{nextauth}": publicRoute("Auth.js: CSRF token, session and sign-in pages; how anyone signs in"),
  "POST /api/auth/{nextauth}": publicRoute("Auth.js: credentials sign-in (throttled and audited, tests/integration/authenticate.test.ts) and sign-out"),

  "GET /api/v1/opportunities": route({ foreign: hides((f) => `/api/v1/opportunities?q=${q(f)}`), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/opportunities": route({ body: () => ({ title: "x", stageId: "x" }), foreign: na("creates a new record of the caller's; references are checked by the service"), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/opportunities/{id}": route({ foreign: refuses(secretPath), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/opportunities/{id}": route({ foreign: refuses(secretPath, () => ({ title: "taken over" })), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/opportunities/{id}": route({ foreign: refuses(secretPath), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/opportunities/{id}/history": route({ foreign: refuses((f) => `${secretPath(f)}/history`), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/opportunities/{id}/move": route({ foreign: refuses((f) => `${secretPath(f)}/move`, (f) => ({ stageId: f.otherStageId })), admin: na(NO_ADMIN_ROUTE) }),
  "PUT /api/v1/opportunities/by-external-id/{externalId}": route({
    foreign: refuses((f) => `/api/v1/opportunities/by-external-id/${f.secret.externalId}`, (f) => ({ title: "taken over", stageId: f.secret.stageId }), [403, 404, 409]),
    admin: na(NO_ADMIN_ROUTE),
  }),
  "GET /api/v1/forecast": route({
    foreign: hides((f) => `/api/v1/forecast?period=custom&from=${f.secret.closeMonth.from}&to=${f.secret.closeMonth.to}&ownerId=${f.world.userIds.alice}`, (f) => f.secret.amount),
    admin: na(NO_ADMIN_ROUTE),
  }),
  "GET /api/v1/opportunities/{id}/line-items": route({ foreign: refuses(linesPath), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/opportunities/{id}/line-items": route({ foreign: refuses(linesPath, () => ({ name: "Sneaky", quantity: "1", unitPrice: "1.00" })), admin: na(NO_ADMIN_ROUTE) }),
  "PUT /api/v1/opportunities/{id}/line-items": route({ foreign: refuses(linesPath, () => ({ lines: [] })), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/opportunities/{id}/line-items/{itemId}": route({ foreign: refuses(linePath, () => ({ quantity: "2" })), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/opportunities/{id}/line-items/{itemId}": route({ foreign: refuses(linePath), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/opportunities/{id}/line-items/reorder": route({ foreign: refuses((f) => `${linesPath(f)}/reorder`, (f) => ({ ids: [f.secret.lineId] })), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/products": route({ foreign: na(CATALOG), admin: na("reading the catalog is for everyone") }),
  "GET /api/v1/products/{id}": route({ foreign: na(CATALOG), admin: na("reading the catalog is for everyone") }),
  "POST /api/v1/products": route({ body: () => ({}), foreign: na(CATALOG), admin: salesRefused(() => "/api/v1/products", () => ({ code: "SNEAKY", name: "Sneaky", unitPrice: "1.00", currency: "USD" })) }),
  "PATCH /api/v1/products/{id}": route({ foreign: na(CATALOG), admin: salesRefused(productPath, () => ({ unitPrice: "0.01" })) }),
  "DELETE /api/v1/products/{id}": route({ foreign: na(CATALOG), admin: salesRefused(productPath) }),
  "GET /settings/products/export": route({ foreign: na(CATALOG), admin: salesRefused(() => "/settings/products/export") }),
  "GET /api/v1/pipelines": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "GET /api/v1/pipelines/{id}": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "POST /api/v1/pipelines": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/pipelines", () => ({ name: "Sneaky" })) }),
  "PATCH /api/v1/pipelines/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/pipelines/${f.pipelineId}`, () => ({ name: "Sneaky" })) }),
  "DELETE /api/v1/pipelines/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/pipelines/${f.pipelineId}`) }),
  "GET /api/v1/stages": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "GET /api/v1/stages/{id}": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "POST /api/v1/stages": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/stages", (f) => ({ pipelineId: f.pipelineId, name: "Sneaky", probability: 10 })) }),
  "PATCH /api/v1/stages/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/stages/${f.stageId}`, () => ({ probability: 5 })) }),
  "DELETE /api/v1/stages/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/stages/${f.stageId}`) }),
  "GET /api/v1/lost-reasons": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "GET /api/v1/lost-reasons/{id}": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "POST /api/v1/lost-reasons": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/lost-reasons", () => ({ name: "Sneaky" })) }),
  "PATCH /api/v1/lost-reasons/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/lost-reasons/${f.world.lostReasonIds[0]}`, () => ({ active: false })) }),
  "DELETE /api/v1/lost-reasons/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/lost-reasons/${f.world.lostReasonIds[0]}`) }),
  "GET /api/v1/currencies": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "GET /api/v1/currencies/{code}": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "POST /api/v1/currencies": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/currencies", () => ({ code: "ZZQ", name: "Sneaky", symbol: "Z", rateToBase: "1.5" })) }),
  "PATCH /api/v1/currencies/{code}": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/currencies/EUR", () => ({ rateToBase: "9.5" })) }),
  "DELETE /api/v1/currencies/{code}": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/currencies/EUR") }),
  "GET /api/v1/accounts": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/accounts/{id}": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/accounts": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/accounts/{id}": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/accounts/{id}": route({ foreign: refuses((f) => `/api/v1/accounts/${f.aliceAccountId}?strategy=detach`, undefined, [403]), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/contacts": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/contacts/{id}": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/contacts": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/contacts/{id}": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/contacts/{id}": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/activities": route({ foreign: hides((f) => `/api/v1/activities?opportunityId=${f.secret.id}`), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/activities": route({
    foreign: refuses(() => "/api/v1/activities", (f) => ({ typeId: f.activityTypeId, subject: "Snoop", opportunityId: f.secret.id }), [404, 422]),
    admin: na(NO_ADMIN_ROUTE),
  }),
  "GET /api/v1/activities/{id}": route({ foreign: refuses((f) => `/api/v1/activities/${f.secretActivityId}`), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/activities/{id}": route({ foreign: refuses((f) => `/api/v1/activities/${f.secretActivityId}`, () => ({ done: true })), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/activities/{id}": route({ foreign: refuses((f) => `/api/v1/activities/${f.secretActivityId}`), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/activity-types": route({ foreign: na(SETTINGS), admin: na(READ_SETTINGS) }),
  "POST /api/v1/activity-types": route({ foreign: na(SETTINGS), admin: salesRefused(() => "/api/v1/activity-types", () => ({ name: "Sneaky", icon: "flag" })) }),
  "PATCH /api/v1/activity-types/{id}": route({ foreign: na(SETTINGS), admin: salesRefused((f) => `/api/v1/activity-types/${f.activityTypeId}`, () => ({ active: false })) }),
  "GET /api/v1/notes": route({ foreign: hides((f) => `/api/v1/notes?opportunityId=${f.secret.id}`), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/notes": route({ foreign: refuses(() => "/api/v1/notes", (f) => ({ body: "Snoop", opportunityId: f.secret.id }), [404, 422]), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/notes/{id}": route({ foreign: refuses((f) => `/api/v1/notes/${f.secretNoteId}`), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/notes/{id}": route({ foreign: refuses((f) => `/api/v1/notes/${f.secretNoteId}`, () => ({ pinned: true })), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/notes/{id}": route({ foreign: refuses((f) => `/api/v1/notes/${f.secretNoteId}`), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/notifications": route({ foreign: hides(() => "/api/v1/notifications"), admin: na(NO_ADMIN_ROUTE) }),
  "PATCH /api/v1/notifications/{id}": route({ foreign: refuses((f) => `/api/v1/notifications/${f.aliceNotificationId}`, () => ({ read: true })), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/notifications/read-all": route({ foreign: na("marks the caller's own notifications only"), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/users": route({ foreign: na(DIRECTORY), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/users/{id}": route({ foreign: na(DIRECTORY), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/v1/api-keys": route({ foreign: hides(() => "/api/v1/api-keys", (f) => f.world.spareApiKeyIds.alice), admin: salesRefused(() => "/api/v1/api-keys?scope=all") }),
  "POST /api/v1/api-keys": route({ body: () => ({ name: "x" }), foreign: na("creates a key for the caller only; the strict body cannot name another user"), admin: na(NO_ADMIN_ROUTE) }),
  "DELETE /api/v1/api-keys/{id}": route({ foreign: refuses((f) => `/api/v1/api-keys/${f.world.spareApiKeyIds.alice}`), admin: na("admins may revoke anyone's key; refused for others under foreign") }),
  "GET /api/v1/events": route({ foreign: hides(() => "/api/v1/events?types=opportunity.created&limit=1000"), admin: na("every user follows the events they may see") }),
  "GET /api/v1/webhooks": route({ foreign: hides(() => "/api/v1/webhooks", (f) => f.aliceWebhookId), admin: na("admins list everyone's endpoints; others their own") }),
  "POST /api/v1/webhooks": route({ body: () => ({ url: "https://hooks.example.invalid/x", eventTypes: ["*"] }), foreign: na("creates an endpoint of the caller's, receiving what the caller may see"), admin: na("every user may add endpoints (DESIGN.md)") }),
  "GET /api/v1/webhooks/{id}": route({ path: webhookPath, foreign: refuses(webhookPath), admin: na(WEBHOOK_ADMIN) }),
  "PATCH /api/v1/webhooks/{id}": route({ path: webhookPath, foreign: refuses(webhookPath, () => ({ url: "https://attacker.example.invalid/steal" })), admin: na(WEBHOOK_ADMIN) }),
  "DELETE /api/v1/webhooks/{id}": route({ path: webhookPath, foreign: refuses(webhookPath), admin: na(WEBHOOK_ADMIN) }),
  "POST /api/v1/webhooks/{id}/rotate-secret": route({ path: (f) => `${webhookPath(f)}/rotate-secret`, foreign: refuses((f) => `${webhookPath(f)}/rotate-secret`), admin: na(WEBHOOK_ADMIN) }),
  "POST /api/v1/webhooks/{id}/test": route({ path: (f) => `${webhookPath(f)}/test`, foreign: refuses((f) => `${webhookPath(f)}/test`), admin: na(WEBHOOK_ADMIN) }),
  "GET /api/v1/webhooks/{id}/deliveries": route({ path: (f) => `${webhookPath(f)}/deliveries`, foreign: refuses((f) => `${webhookPath(f)}/deliveries`), admin: na(WEBHOOK_ADMIN) }),
  "GET /api/v1/webhooks/{id}/deliveries/{deliveryId}": route({ path: deliveryPath, foreign: refuses(deliveryPath), admin: na(WEBHOOK_ADMIN) }),
  "POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver": route({ path: (f) => `${deliveryPath(f)}/redeliver`, foreign: refuses((f) => `${deliveryPath(f)}/redeliver`), admin: na(WEBHOOK_ADMIN) }),

  // The catch-all of /api/v1: after authentication (anonymous and deactivated callers get 401 like anywhere), 404 for everyone.
  ...Object.fromEntries(
    ["GET", "POST", "PUT", "PATCH", "DELETE"].map((method) => [`${method} /api/v1/{path}`, route({ foreign: na(UNKNOWN_PATH), admin: na(UNKNOWN_PATH) })]),
  ),

  "GET /api/stream": route({
    foreign: na("a stream that stays open: what bob receives of alice's private deal (nothing, not even its id) is tested in tests/integration/live-stream.test.ts and tests/api/live-stream-http.test.ts"),
    admin: na(NO_ADMIN_ROUTE),
  }),
  "GET /api/board/cards": route({ foreign: hides((f) => `/api/board/cards?pipelineId=${f.secret.pipelineId}&ids=${f.secret.id}`), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/board": route({ foreign: hides((f) => `/api/board?pipelineId=${f.secret.pipelineId}&q=${q(f)}`), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/board/stages/{stageId}/cards": route({ foreign: hides((f) => `/api/board/stages/${f.secret.stageId}/cards?q=${q(f)}`), admin: na(NO_ADMIN_ROUTE) }),
  "GET /api/board/totals": route({ foreign: hides((f) => `/api/board/totals?pipelineId=${f.secret.pipelineId}&q=${q(f)}`, (f) => f.secret.amount), admin: na(NO_ADMIN_ROUTE) }),
  "POST /api/v1/imports": route({ path: () => "/api/v1/imports?entity=opportunity", foreign: refuses(() => "/api/v1/imports?entity=opportunity", () => ({}), [400, 403]), admin: na(IMPORTS) }),
  "GET /api/v1/imports/{id}": route({ foreign: refuses(() => "/api/v1/imports/x", undefined, [403]), admin: na(IMPORTS) }),
  "GET /api/v1/imports/{id}/errors": route({ foreign: refuses(() => "/api/v1/imports/x/errors", undefined, [403]), admin: na(IMPORTS) }),
  "POST /api/v1/imports/{id}/undo": route({ foreign: refuses(() => "/api/v1/imports/x/undo", undefined, [403]), admin: na(IMPORTS) }),
  "POST /import/upload": route({ path: () => "/import/upload?entity=opportunity", foreign: refuses(() => "/import/upload?entity=opportunity", () => ({}), [403]), admin: na(IMPORTS) }),
  "GET /import/{id}/status": route({ foreign: refuses(() => "/import/x/status", undefined, [403]), admin: na(IMPORTS) }),
  "GET /import/{id}/errors": route({ foreign: refuses(() => "/import/x/errors", undefined, [403]), admin: na(IMPORTS) }),
  "GET /opportunities/export/line-items": route({ foreign: hides((f) => `/opportunities/export/line-items?q=${q(f)}`), admin: na(NO_ADMIN_ROUTE) }),
  "GET /accounts/export": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "GET /contacts/export": route({ foreign: na(SHARED), admin: na(NO_ADMIN_ROUTE) }),
  "GET /opportunities/export": route({ foreign: hides((f) => `/opportunities/export?q=${q(f)}`), admin: na(NO_ADMIN_ROUTE) }),
};

// ---- Server actions -------------------------------------------------------

export interface ActionResultLike {
  ok: boolean;
  data?: unknown;
  error?: { code: string };
}

export interface ActionCase {
  input: At<unknown>;
  /** A problem with the result, or null when it is a refusal; by default NOT_FOUND or FORBIDDEN. */
  check?: (result: ActionResultLike, f: AccessFixture) => string | null;
}

export interface ActionRow {
  public?: string;
  /** The input's schema: the fuzz derives its inputs from it. */
  schema?: z.ZodType;
  foreign?: ActionCase | NotApplicable;
  /** A valid input of an admin-only action, refused (FORBIDDEN) for bob and the manager. */
  admin?: At<unknown> | NotApplicable;
}

export const publicAction = (reason: string): ActionRow => ({ public: reason });
export const action = (schema: z.ZodType, row: Required<Pick<ActionRow, "foreign" | "admin">>): ActionRow => ({ schema, ...row });
export const refusedAction = (input: At<unknown>, check?: ActionCase["check"]): ActionCase => ({ input, check });
/** Admin settings: no user's own record, so only the admin case applies. */
export const adminAction = (schema: z.ZodType, input: At<unknown>): ActionRow => action(schema, { foreign: na("admin settings, not a user's record"), admin: input });

/** Bulk actions report rows the caller may not change instead of failing the whole call. */
const bulkRefused = refusedAction(
  (f) => ({ ids: [f.secret.id], ownerId: f.world.userIds.bob }),
  (r, f) => {
    const data = r.data as { updated?: number; failed?: { id: string }[] } | undefined;
    if (!r.ok) return ["NOT_FOUND", "FORBIDDEN"].includes(r.error?.code ?? "") ? null : `refused with ${r.error?.code}`;
    return data?.updated === 0 && data.failed?.some((x) => x.id === f.secret.id) ? null : `changed ${data?.updated} rows: ${JSON.stringify(data)}`;
  },
);

const NOT_ADMIN = "open to every signed-in user";
/** Linking to a deal the caller cannot see: "unknown opportunity", as for a missing one (VALIDATION naming the field). */
const unknownLink = (input: At<unknown>) =>
  refusedAction(input, (r) => (!r.ok && r.error?.code === "VALIDATION" && JSON.stringify(r).includes("opportunityId") ? null : `not refused as unknown: ${JSON.stringify(r).slice(0, 200)}`));
const STAGE = { name: "Sneaky", probability: 10, type: "OPEN", color: "#112233", rottingDays: null, forecastCategory: "PIPELINE" };
/** The actions of lib/actions/, one file per feature. */
const L = "lib/actions";

export const ACTIONS: Record<string, ActionRow> = {
  "lib/actions/auth.ts#signInAction": publicAction("signing in is what anonymous visitors do; throttled and audited"),
  "components/app-shell/user-menu.tsx#$$RSC_SERVER_ACTION_0": publicAction("signs the caller out: ends the one session its cookie names (tests/security/sessions.test.ts), nothing else"),

  "lib/actions/profile.ts#updateProfileNameAction": action(profileNameSchema, { foreign: na("renames the caller only"), admin: na(NOT_ADMIN) }),
  "lib/actions/profile.ts#changePasswordAction": action(changePasswordSchema, { foreign: na("changes the caller's own password only, with the current one (throttled)"), admin: na(NOT_ADMIN) }),
  "lib/actions/profile.ts#updateNotificationPrefsAction": action(notificationPrefsSchema, { foreign: na("sets the caller's own e-mail preference only"), admin: na(NOT_ADMIN) }),
  "lib/actions/profile.ts#endSessionAction": action(sessionIdSchema, { foreign: refusedAction((f) => ({ id: f.aliceSessionId }), (r) => (!r.ok && r.error?.code === "NOT_FOUND" ? null : `ended alice's session: ${JSON.stringify(r)}`)), admin: na(NOT_ADMIN) }),
  "lib/actions/profile.ts#endOtherSessionsAction": action(otherSessionsSchema, { foreign: na("ends only the caller's own other sessions"), admin: na(NOT_ADMIN) }),

  [`${L}/accounts.ts#searchAccountsAction`]: action(accountSearchActionSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),
  [`${L}/accounts.ts#createAccountAction`]: action(accountCreateSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),
  [`${L}/accounts.ts#updateAccountAction`]: action(accountUpdateActionSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),
  [`${L}/accounts.ts#accountUsageAction`]: action(accountIdActionSchema, { foreign: na("counts only, names no record (lib/server/accounts/write.ts)"), admin: na(NOT_ADMIN) }),
  [`${L}/accounts.ts#deleteAccountAction`]: action(accountDeleteSchema, { foreign: refusedAction((f) => ({ id: f.aliceAccountId, strategy: "detach" })), admin: na(NOT_ADMIN) }),
  [`${L}/contacts.ts#searchContactsAction`]: action(contactSearchActionSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),
  [`${L}/contacts.ts#createContactAction`]: action(contactCreateSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),
  [`${L}/contacts.ts#updateContactAction`]: action(contactUpdateActionSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),
  [`${L}/contacts.ts#contactUsageAction`]: action(contactIdActionSchema, { foreign: na("counts only, names no record"), admin: na(NOT_ADMIN) }),
  [`${L}/contacts.ts#deleteContactAction`]: action(contactDeleteSchema, { foreign: na(SHARED), admin: na(NOT_ADMIN) }),

  [`${L}/board.ts#moveCardAction`]: action(moveOpportunitySchema, { foreign: refusedAction((f) => ({ opportunityId: f.secret.id, stageId: f.otherStageId })), admin: na(NOT_ADMIN) }),
  [`${L}/opportunities.ts#createOpportunityAction`]: action(opportunityCreateSchema, { foreign: na("creates a new record of the caller's"), admin: na(NOT_ADMIN) }),
  [`${L}/opportunities.ts#getOpportunityAction`]: action(opportunityIdSchema, { foreign: refusedAction((f) => ({ id: f.secret.id })), admin: na(NOT_ADMIN) }),
  [`${L}/opportunities.ts#updateOpportunityAction`]: action(opportunityUpdateActionSchema, { foreign: refusedAction((f) => ({ id: f.secret.id, changes: { title: "taken over" } })), admin: na(NOT_ADMIN) }),
  [`${L}/opportunities.ts#deleteOpportunityAction`]: action(opportunityDeleteSchema, { foreign: refusedAction((f) => ({ id: f.secret.id })), admin: na(NOT_ADMIN) }),
  [`${L}/opportunities.ts#bulkChangeOpportunitiesAction`]: action(opportunityBulkSchema, { foreign: bulkRefused, admin: na(NOT_ADMIN) }),
  [`${L}/opportunities.ts#bulkDeleteOpportunitiesAction`]: action(opportunityBulkDeleteSchema, { foreign: { ...bulkRefused, input: (f) => ({ ids: [f.secret.id] }) }, admin: na(NOT_ADMIN) }),

  [`${L}/activities.ts#createActivityAction`]: action(activityCreateSchema, { foreign: unknownLink((f) => ({ typeId: f.activityTypeId, subject: "Snoop", opportunityId: f.secret.id })), admin: na(NOT_ADMIN) }),
  [`${L}/activities.ts#updateActivityAction`]: action(activityUpdateActionSchema, { foreign: refusedAction((f) => ({ id: f.secretActivityId, changes: { done: true } })), admin: na(NOT_ADMIN) }),
  [`${L}/activities.ts#deleteActivityAction`]: action(activityIdActionSchema, { foreign: refusedAction((f) => ({ id: f.secretActivityId })), admin: na(NOT_ADMIN) }),
  [`${L}/activities.ts#createNoteAction`]: action(noteCreateSchema, { foreign: unknownLink((f) => ({ body: "Snoop", opportunityId: f.secret.id })), admin: na(NOT_ADMIN) }),
  [`${L}/activities.ts#updateNoteAction`]: action(noteUpdateActionSchema, { foreign: refusedAction((f) => ({ id: f.secretNoteId, changes: { pinned: true } })), admin: na(NOT_ADMIN) }),
  [`${L}/activities.ts#deleteNoteAction`]: action(noteIdActionSchema, { foreign: refusedAction((f) => ({ id: f.secretNoteId })), admin: na(NOT_ADMIN) }),
  [`${L}/notifications.ts#markNotificationReadAction`]: action(notificationReadActionSchema, { foreign: refusedAction((f) => ({ id: f.aliceNotificationId, read: true })), admin: na(NOT_ADMIN) }),
  [`${L}/notifications.ts#markAllNotificationsReadAction`]: action(notificationsReadAllSchema, { foreign: na("marks the caller's own notifications only"), admin: na(NOT_ADMIN) }),

  [`${L}/line-items.ts#saveLineItemsAction`]: action(lineItemsReplaceActionSchema, { foreign: refusedAction((f) => ({ opportunityId: f.secret.id, changes: { lines: [] } })), admin: na(NOT_ADMIN) }),
  [`${L}/line-items.ts#searchProductsAction`]: action(productSearchSchema, { foreign: na(CATALOG), admin: na(NOT_ADMIN) }),
  [`${L}/products.ts#createProductAction`]: adminAction(productCreateSchema, () => ({ code: "SNEAKY", name: "Sneaky", unitPrice: "1.00", currency: "USD" })),
  [`${L}/products.ts#updateProductAction`]: adminAction(productUpdateActionSchema, (f) => ({ id: f.productId, changes: { unitPrice: "0.01" } })),
  [`${L}/products.ts#deleteProductAction`]: adminAction(productIdSchema, (f) => ({ id: f.productId })),
  [`${L}/products.ts#importProductsAction`]: adminAction(productImportSchema, () => ({ csv: "code,name,unitPrice,currency\nSNEAKY,Sneaky,1.00,USD\n" })),
  [`${L}/imports.ts#configureImportAction`]: action(importConfigureSchema, { foreign: refusedAction(() => ({ id: "x", settings: { mode: "upsert" } })), admin: na(IMPORTS) }),
  [`${L}/imports.ts#startImportAction`]: action(importStartSchema, { foreign: refusedAction(() => ({ id: "x", dryRun: false })), admin: na(IMPORTS) }),
  [`${L}/imports.ts#undoImportAction`]: action(importIdSchema, { foreign: refusedAction(() => ({ id: "x" })), admin: na(IMPORTS) }),
  [`${L}/imports.ts#saveImportMappingAction`]: action(importMappingSaveSchema, { foreign: refusedAction(() => ({ name: "x", entity: "opportunity", columns: { a: "title" } })), admin: na(IMPORTS) }),
  [`${L}/api-keys.ts#createApiKeyAction`]: action(createApiKeySchema, { foreign: na("creates a key for the caller only"), admin: na(NOT_ADMIN) }),
  [`${L}/webhooks.ts#createWebhookAction`]: action(webhookCreateSchema, { foreign: na("creates an endpoint of the caller's, receiving what the caller may see"), admin: na("every user may add endpoints (DESIGN.md)") }),
  [`${L}/webhooks.ts#updateWebhookAction`]: action(webhookUpdateActionSchema, { foreign: refusedAction((f) => ({ id: f.aliceWebhookId, url: "https://attacker.example.invalid/steal" })), admin: na(WEBHOOK_ADMIN) }),
  [`${L}/webhooks.ts#deleteWebhookAction`]: action(webhookIdSchema, { foreign: refusedAction((f) => ({ id: f.aliceWebhookId })), admin: na(WEBHOOK_ADMIN) }),
  [`${L}/webhooks.ts#rotateWebhookSecretAction`]: action(webhookIdSchema, { foreign: refusedAction((f) => ({ id: f.aliceWebhookId })), admin: na(WEBHOOK_ADMIN) }),
  [`${L}/webhooks.ts#sendTestWebhookAction`]: action(webhookIdSchema, { foreign: refusedAction((f) => ({ id: f.aliceWebhookId })), admin: na(WEBHOOK_ADMIN) }),
  [`${L}/webhooks.ts#redeliverWebhookAction`]: action(webhookDeliveryIdSchema, { foreign: refusedAction((f) => ({ deliveryId: f.aliceDeliveryId })), admin: na(WEBHOOK_ADMIN) }),
  [`${L}/api-keys.ts#revokeApiKeyAction`]: action(revokeApiKeySchema, { foreign: refusedAction((f) => ({ id: f.world.spareApiKeyIds.alice })), admin: na("admins may revoke anyone's key") }),

  [`${L}/currencies.ts#createCurrencyAction`]: adminAction(currencyCreateSchema, () => ({ code: "ZZQ", name: "Sneaky", symbol: "Z", rateToBase: "1.5", rateDate: "2026-01-01" })),
  [`${L}/currencies.ts#updateCurrencyAction`]: adminAction(currencyUpdateActionSchema, () => ({ code: "EUR", rateToBase: "9.5" })),
  [`${L}/custom-fields.ts#createCustomFieldAction`]: adminAction(customFieldCreateSchema, () => ({ key: "sneaky", label: "Sneaky", type: "TEXT", required: false })),
  [`${L}/custom-fields.ts#updateCustomFieldAction`]: adminAction(customFieldUpdateSchema, () => ({ id: "x", label: "Sneaky", required: true })),
  [`${L}/custom-fields.ts#reorderCustomFieldsAction`]: adminAction(reorderSchema, () => ({ ids: ["x"] })),
  [`${L}/custom-fields.ts#setCustomFieldActiveAction`]: adminAction(customFieldActiveSchema, () => ({ id: "x", active: false })),
  [`${L}/lists.ts#createListItemAction`]: adminAction(listItemCreateActionSchema, () => ({ kind: "source", name: "Sneaky" })),
  [`${L}/lists.ts#updateListItemAction`]: adminAction(listItemUpdateActionSchema, (f) => ({ kind: "lostReason", id: f.world.lostReasonIds[0], active: false })),
  [`${L}/lists.ts#reorderListAction`]: adminAction(listReorderSchema, () => ({ kind: "lostReason", ids: ["x"] })),
  [`${L}/pipelines.ts#createPipelineAction`]: adminAction(pipelineCreateSchema, () => ({ name: "Sneaky" })),
  [`${L}/pipelines.ts#updatePipelineAction`]: adminAction(pipelineUpdateActionSchema, (f) => ({ id: f.pipelineId, name: "Sneaky", isDefault: true })),
  [`${L}/pipelines.ts#reorderPipelinesAction`]: adminAction(reorderSchema, (f) => ({ ids: [...f.world.pipelineIds].reverse() })),
  [`${L}/pipelines.ts#deletePipelineAction`]: adminAction(pipelineDeleteActionSchema, (f) => ({ id: f.pipelineId })),
  [`${L}/stages.ts#createStageAction`]: adminAction(stageCreateSchema, (f) => ({ pipelineId: f.pipelineId, ...STAGE })),
  [`${L}/stages.ts#updateStageAction`]: adminAction(stageUpdateActionSchema, (f) => ({ id: f.stageId, ...STAGE })),
  [`${L}/stages.ts#reorderStagesAction`]: adminAction(stageReorderSchema, (f) => ({ pipelineId: f.pipelineId, ids: [f.stageId] })),
  [`${L}/stages.ts#deleteStageAction`]: adminAction(stageDeleteActionSchema, (f) => ({ id: f.stageId })),
  [`${L}/quotas.ts#upsertQuotaAction`]: adminAction(quotaUpsertSchema, (f) => ({ userId: f.world.userIds.bob, period: "QUARTER", periodStart: "2026-01-01", amount: "1.00" })),
  [`${L}/quotas.ts#deleteQuotaAction`]: adminAction(quotaDeleteSchema, () => ({ id: "x" })),
  [`${L}/users.ts#createUserAction`]: adminAction(userCreateSchema, () => ({ email: "mallory@example.com", name: "Mallory", role: "ADMIN", password: "mallory-pass-2026" })),
  [`${L}/users.ts#changeRoleAction`]: adminAction(userRoleSchema, (f) => ({ id: f.world.userIds.bob, role: "ADMIN" })),
  [`${L}/users.ts#setUserActiveAction`]: adminAction(userActiveSchema, (f) => ({ id: f.world.userIds.alice, active: false })),
  [`${L}/users.ts#resetPasswordAction`]: adminAction(userIdSchema, (f) => ({ id: f.world.userIds.alice })),
  [`${L}/users.ts#reassignAction`]: adminAction(reassignSchema, (f) => ({ fromUserId: f.world.userIds.alice, toUserId: f.world.userIds.bob, onlyOpen: false })),
};
