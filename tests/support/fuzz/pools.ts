// Real values to aim generated requests at: ids of records that exist
// (other users' private opportunities included), keys the schemas name, and
// crafted values for fields whose shape a schema cannot say (cursors, dates).
import fc from "fast-check";
import type { DemoWorld } from "../demo-world";
import type { Hint } from "./schema-arbitrary";
import { dateLike } from "./hostile";

export interface FuzzPools {
  /** Any id the fuzz knows, for fields it cannot place. */
  anyId: fc.Arbitrary<string>;
  hint: Hint;
}

const cursorOf = (o: unknown) => Buffer.from(JSON.stringify({ o })).toString("base64url");
const CRAFTED_CURSORS = [cursorOf(1e300), cursorOf(2 ** 53), cursorOf(-1), cursorOf(1.5), cursorOf("1"), "", "%%%", "eyJvIjo", "1~x", "zz~" + "-".repeat(200)];

/**
 * `spareUserIds` stand in for users wherever a generated request could lock
 * the fuzz's own callers out ("id" of the user settings): the demo users keep
 * their roles, sessions and keys, so every request still runs as someone.
 */
export function fuzzPools(world: DemoWorld, spareUserIds: string[]): FuzzPools {
  const uniq = (values: (string | null | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];
  const from = (values: string[]) => (values.length ? fc.constantFrom(...values) : fc.constant("missing"));
  const opps = world.opportunities;
  const byKey: Record<string, string[]> = {
    opportunity: opps.map((o) => o.id),
    stage: world.stages.map((s) => s.id),
    pipeline: world.pipelineIds,
    user: [...Object.values(world.userIds), ...spareUserIds],
    lostReason: world.lostReasonIds,
    account: uniq(opps.map((o) => o.accountId)),
    contact: uniq(opps.flatMap((o) => o.contactIds)),
    source: uniq(opps.map((o) => o.sourceId)),
    type: uniq(opps.map((o) => o.typeId)),
    apiKey: Object.values(world.spareApiKeyIds),
    product: world.productIds,
    lineItem: world.lineItemIds,
    externalId: uniq(opps.map((o) => o.externalId)),
  };
  const pool = (name: keyof typeof byKey) => from(byKey[name]);
  const anyId = fc.oneof(pool("opportunity"), pool("stage"), pool("pipeline"), from(spareUserIds), pool("account"), pool("contact"), pool("lostReason"), pool("apiKey"), pool("product"), pool("lineItem"));
  const idPools: [RegExp, fc.Arbitrary<string>][] = [
    [/^(opportunityId|beforeId|afterId)$/, pool("opportunity")],
    [/^(stageId|targetStageId|afterStageId)$/, pool("stage")],
    [/^(pipelineId|targetPipelineId)$/, pool("pipeline")],
    [/^(ownerId|userId|fromUserId|toUserId|owner|assigneeId|authorId)$/, pool("user")],
    [/^lostReasonId$/, pool("lostReason")],
    [/^(accountId|targetAccountId)$/, pool("account")],
    [/^(contactId|replacementId)$/, pool("contact")],
    [/^sourceId$/, pool("source")],
    [/^typeId$/, pool("type")],
    [/^productId$/, pool("product")],
    [/^itemId$/, pool("lineItem")],
    [/^externalId$/, fc.oneof(pool("externalId"), fc.string({ minLength: 1, maxLength: 20 }))],
    [/^id$/, anyId],
  ];
  const currencies = fc.constantFrom("USD", "EUR", "GBP", "usd", "XXX", "ZZZ", "EURO", "");
  const hint: Hint = (key, schema, derived) => {
    const mix = (special: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: special }, { weight: 1, arbitrary: derived });
    for (const [pattern, ids] of idPools) if (pattern.test(key)) return mix(ids);
    if (/Ids$|^ids$/.test(key) && schema.type === "array") return mix(fc.array(/^(memberIds|mentionIds)$/.test(key) ? pool("user") : fc.oneof(anyId, pool("lineItem")), { maxLength: 4 }));
    if (/(Date|^from|^to|From|To|periodStart)$/.test(key) && !/Id$/.test(key)) return mix(dateLike);
    if (/^(currency|code)$/.test(key)) return mix(currencies);
    if (key === "labels") return mix(fc.array(fc.oneof(fc.constantFrom(...world.labels), fc.string({ maxLength: 8 })), { maxLength: 3 }));
    if (key === "cursor") return mix(fc.constantFrom(...CRAFTED_CURSORS));
    if (key === "customFields") {
      const fieldKey = fc.constantFrom("nextStep", "decisionProcess", "unknownField", "__proto__");
      return mix(fc.dictionary(fieldKey, fc.oneof(fc.constantFrom("Committee", "Single buyer", "x", "", null, 1, true), fc.string({ maxLength: 10 })), { maxKeys: 2 }));
    }
    return undefined;
  };
  return { anyId, hint };
}
