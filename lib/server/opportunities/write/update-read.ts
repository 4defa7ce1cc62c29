// The first of an edit's two statements: in ONE round trip, everything the
// rules of update.ts need. The opportunity as the actor may see it (no row:
// NOT_FOUND) with its member ids (edit rights), version, placement, money and
// custom fields; the stage it will be in (the one sent, else its own) with its
// pipeline's archived flag; whether the lost reason it would keep or record is
// active; and, only when the input needs them, the last key of the target
// column, its line items, the custom field definitions and the references the
// input points at. Nothing is locked: the write (update-write.ts) applies
// only if the version is still the one read here.
import { Prisma } from "@/lib/db/generated/client";
import type { LineInput } from "@/lib/domain/line-items";
import type { CustomFieldDefinitionInput } from "@/lib/validation/opportunity-custom-fields";
import type { OpportunityUpdateInput } from "@/lib/validation/opportunity";
import type { Actor } from "../../auth/actor";
import { ACTIVE_DEFINITIONS_JSON_SQL } from "../../custom-fields/definitions";
import { visibleOpportunitiesSql } from "../../visibility";
import { lastRankSql, referencesSql, type ReferenceRead } from "./references";
import type { RunSql } from "./sql-run";
import type { CurrentPlacement, TargetStage } from "../move/stage-change";
import { splitTargetStage, targetStageColumnsSql, type TargetStageColumns } from "../move/target-stage-sql";

export interface EditedOpportunity extends CurrentPlacement {
  version: number;
  ownerId: string;
  assigneeId: string | null;
  memberIds: string[];
  lostReasonId: string | null;
  lostNote: string | null;
  competitor: string | null;
  /** Decimal text, as stored. */
  amount: string;
  oneTimeAmount: string;
  recurringAmount: string;
  exchangeRate: string;
  currencyCode: string;
  contractMonths: number | null;
  /** YYYY-MM-DD. */
  expectedCloseDate: string | null;
  customFields: Record<string, unknown>;
}

export interface UpdateRead extends ReferenceRead {
  current: EditedOpportunity;
  /** The stage sent (null when no such stage), else the opportunity's own. */
  stage: (TargetStage & { pipelineArchived: boolean }) | null;
  reasonActive: boolean;
  /** Only when the stage changes. */
  lastRank?: string | null;
  /** Only when the input touches the amounts. */
  lines?: LineInput[];
  /** Only when the input sets custom fields. */
  definitions?: CustomFieldDefinitionInput[];
}

type Row = EditedOpportunity &
  ReferenceRead &
  TargetStageColumns & {
    reasonActive: boolean;
    lastRank?: string | null;
    lines?: LineInput[];
    definitions?: CustomFieldDefinitionInput[];
  };

export const touchesAmounts = (input: OpportunityUpdateInput) =>
  input.amount !== undefined || input.oneTimeAmount !== undefined || input.recurringAmount !== undefined || input.contractMonths !== undefined;

/** Null when the opportunity does not exist or the actor may not see it. */
export async function readForUpdate(run: RunSql, actor: Actor, id: string, input: OpportunityUpdateInput): Promise<UpdateRead | null> {
  const extra: Prisma.Sql[] = referencesSql(input, Prisma.sql`o."id"`);
  if (input.stageId !== undefined) extra.push(Prisma.sql`CASE WHEN s."id" <> o."stageId" THEN ${lastRankSql(Prisma.sql`s."id"`)} END AS "lastRank"`);
  if (touchesAmounts(input)) {
    extra.push(Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('quantity', l."quantity"::text, 'unitPrice', l."unitPrice"::text,
      'discountPercent', l."discountPercent"::text, 'billing', l."billing")), '[]') FROM "LineItem" l WHERE l."opportunityId" = o."id") AS "lines"`);
  }
  if (input.customFields !== undefined) extra.push(Prisma.sql`${ACTIVE_DEFINITIONS_JSON_SQL} AS "definitions"`);
  // The lost reason stage-change.ts checks: the one sent (even null), else the one recorded.
  const reason = input.lostReasonId !== undefined ? Prisma.sql`${input.lostReasonId}::text` : Prisma.sql`o."lostReasonId"`;
  // Only a new stage must be in a pipeline that is not archived. (Sub-selects rather than joins: cheaper to plan.)
  const archived = input.stageId === undefined ? Prisma.sql`FALSE` : Prisma.sql`(SELECT p."isArchived" FROM "Pipeline" p WHERE p."id" = s."pipelineId")`;
  const [row] = await run<Row>(Prisma.sql`
    SELECT o."id", o."version", o."ownerId", o."assigneeId", ARRAY(SELECT m."userId" FROM "OpportunityMember" m WHERE m."opportunityId" = o."id") AS "memberIds",
      o."stageId", o."status"::text AS "status", o."probability", o."probabilityOverridden",
      o."forecastCategory"::text AS "forecastCategory", o."forecastCategoryOverridden",
      o."lostReasonId", o."lostNote", o."competitor", o."amount"::text AS "amount", o."oneTimeAmount"::text AS "oneTimeAmount", o."recurringAmount"::text AS "recurringAmount",
      o."exchangeRate"::text AS "exchangeRate", o."currencyCode", o."contractMonths",
      to_char(o."expectedCloseDate", 'YYYY-MM-DD') AS "expectedCloseDate", o."customFields",
      ${targetStageColumnsSql(archived)},
      EXISTS (SELECT 1 FROM "LostReason" r WHERE r."id" = ${reason} AND r."active" = TRUE) AS "reasonActive"
      ${extra.length ? Prisma.sql`, ${Prisma.join(extra, ", ")}` : Prisma.empty}
    FROM "Opportunity" o
      LEFT JOIN "Stage" s ON s."id" = ${input.stageId === undefined ? Prisma.sql`o."stageId"` : Prisma.sql`${input.stageId}::text`}
    WHERE o."id" = ${id}::text AND ${visibleOpportunitiesSql(actor, "o")}`);
  if (!row) return null;
  const { stage, rest: others } = splitTargetStage(row);
  const { reasonActive, lastRank, lines, definitions, ...rest } = others;
  const { externalIdTaken, users, accountFound, contactsFound, sourceFound, typeFound, labelsFound, currencyFound, ...current } = rest;
  const references = { externalIdTaken, users, accountFound, contactsFound, sourceFound, typeFound, labelsFound, currencyFound };
  return { ...references, current, stage, reasonActive, lastRank, lines, definitions };
}
