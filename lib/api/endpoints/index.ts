// Every /api/v1 endpoint. The OpenAPI document is generated from this list and
// tests check that each one is served by a route file (and vice versa).
import type { Endpoint } from "../endpoint";
import * as accounts from "./accounts";
import * as activities from "./activities";
import * as apiKeys from "./api-keys";
import * as contacts from "./contacts";
import * as currencies from "./currencies";
import * as events from "./events";
import * as forecast from "./forecast";
import * as imports from "./imports";
import * as lineItems from "./line-items";
import * as lostReasons from "./lost-reasons";
import * as meta from "./meta";
import * as notifications from "./notifications";
import * as opportunities from "./opportunities";
import * as pipelines from "./pipelines";
import * as products from "./products";
import * as stages from "./stages";
import * as users from "./users";
import * as webhooks from "./webhooks";

function endpointsOf(module: Record<string, unknown>): Endpoint[] {
  return Object.values(module).filter((v): v is Endpoint => !!v && typeof v === "object" && "method" in v && "path" in v);
}

export const ALL_ENDPOINTS: Endpoint[] = [
  meta,
  opportunities,
  lineItems,
  pipelines,
  stages,
  accounts,
  contacts,
  products,
  users,
  lostReasons,
  currencies,
  apiKeys,
  forecast,
  activities,
  notifications,
  events,
  webhooks,
  imports,
].flatMap(endpointsOf);
