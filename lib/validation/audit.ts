// The audit log page's URL state; malformed values fall back to defaults.
import { z } from "zod";
import { queryInteger } from "./query-integer";

export const auditQuerySchema = z.object({
  page: queryInteger(1, 100_000).catch(1),
  entity: z.string().regex(/^[A-Za-z]{1,40}$/).nullable().catch(null).default(null),
});
