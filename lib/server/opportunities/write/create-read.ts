// The first of a creation's two statements: in ONE round trip, everything the
// rules of create.ts need: the stage with its pipeline's archived flag, the
// last key of its column, the currency (the one sent, else the base one), the
// active custom field definitions, whether the lost reason sent is active, and
// the references the input points at.
import { Prisma } from "@/lib/db/generated/client";
import type { CustomFieldDefinitionInput } from "@/lib/validation/opportunity-custom-fields";
import type { OpportunityCreateInput } from "@/lib/validation/opportunity";
import { ACTIVE_DEFINITIONS_JSON_SQL } from "../../custom-fields/definitions";
import { lastRankSql, referencesSql, type CheckedCurrency, type ReferenceRead } from "./references";
import type { RunSql } from "./sql-run";
import type { TargetStage } from "../move/stage-change";
import { splitTargetStage, targetStageColumnsSql, type TargetStageColumns } from "../move/target-stage-sql";

export interface CreateRead extends ReferenceRead {
  /** Null when no such stage. */
  stage: (TargetStage & { pipelineArchived: boolean }) | null;
  lastRank: string | null;
  /** Only when no currency was sent; null when none is configured. */
  baseCurrency?: CheckedCurrency | null;
  definitions: CustomFieldDefinitionInput[];
  reasonActive: boolean;
}

type Row = ReferenceRead &
  TargetStageColumns & {
  lastRank: string | null;
  baseCurrency?: CheckedCurrency | null;
  definitions: CustomFieldDefinitionInput[];
  reasonActive: boolean;
};

export async function readForCreate(run: RunSql, input: OpportunityCreateInput): Promise<CreateRead> {
  const extra = referencesSql(input, null);
  if (!input.currency) {
    extra.push(Prisma.sql`(SELECT json_build_object('code', c."code", 'rateToBase', c."rateToBase"::text) FROM "Currency" c WHERE c."isBase" = TRUE LIMIT 1) AS "baseCurrency"`);
  }
  const stageId = Prisma.sql`${input.stageId}::text`;
  // Only a lost stage asks for a reason; without one sent there is nothing to look up. (Sub-selects rather than joins: cheaper to plan.)
  const reason = input.lostReasonId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "LostReason" r WHERE r."id" = ${input.lostReasonId}::text AND r."active" = TRUE)`
    : Prisma.sql`FALSE`;
  const [row] = await run<Row>(Prisma.sql`
    SELECT ${targetStageColumnsSql(Prisma.sql`(SELECT p."isArchived" FROM "Pipeline" p WHERE p."id" = s."pipelineId")`)},
      ${lastRankSql(stageId)} AS "lastRank", ${ACTIVE_DEFINITIONS_JSON_SQL} AS "definitions", ${reason} AS "reasonActive"
      ${extra.length ? Prisma.sql`, ${Prisma.join(extra, ", ")}` : Prisma.empty}
    FROM (SELECT 1) AS one
      LEFT JOIN "Stage" s ON s."id" = ${stageId}`);
  const { stage, rest } = splitTargetStage(row);
  return { ...rest, stage };
}
