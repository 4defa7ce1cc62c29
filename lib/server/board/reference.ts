// The board's small reference lists in ONE query: the pipelines (and which
// one to show), its stages, the base currency and the pickers' choices
// (active owners, labels, lost reasons). Each list is aggregated to JSON in
// SQL; six Prisma queries cost more client-side work than all their rows.
import { prisma } from "@/lib/db";
import type { BoardData } from "./board";

type StageRow = Omit<BoardData["stages"][number], "totals" | "cards" | "nextCursor">;

export interface BoardReference extends Omit<BoardData, "stages" | "pipeline"> {
  /** The pipeline asked for (if it exists and is not archived), else the default one, else the first; null when none. */
  pipelineId: string | null;
  stages: StageRow[];
}

interface Row {
  pipelineId: string | null;
  pipelines: string;
  stages: string;
  baseCurrency: string | null;
  owners: string;
  labels: string;
  lostReasons: string;
}

export async function loadBoardReference(pipelineId: string | null): Promise<BoardReference> {
  const [row] = await prisma().$queryRaw<Row[]>`
    WITH p AS (SELECT "id", "name", "isDefault", "position" FROM "Pipeline" WHERE "isArchived" = FALSE),
    chosen AS (
      SELECT "id" FROM p WHERE ${pipelineId}::text IS NULL OR "id" = ${pipelineId}::text
      ORDER BY "isDefault" DESC, "position", "name" LIMIT 1
    )
    SELECT
      (SELECT "id" FROM chosen) AS "pipelineId",
      (SELECT COALESCE(json_agg(json_build_object('id', "id", 'name', "name") ORDER BY "position", "name"), '[]') FROM p)::text AS "pipelines",
      (SELECT COALESCE(json_agg(json_build_object('id', s."id", 'name', s."name", 'type', s."type", 'color', s."color",
          'probability', s."probability", 'rottingDays', s."rottingDays") ORDER BY s."position", s."id"), '[]')
        FROM "Stage" s WHERE s."pipelineId" = (SELECT "id" FROM chosen))::text AS "stages",
      (SELECT "code" FROM "Currency" WHERE "isBase" = TRUE LIMIT 1) AS "baseCurrency",
      (SELECT COALESCE(json_agg(json_build_object('id', "id", 'name', "name") ORDER BY "name"), '[]')
        FROM "User" WHERE "active" = TRUE)::text AS "owners",
      (SELECT COALESCE(json_agg(json_build_object('key', "key", 'name', "name", 'color', "color") ORDER BY "position", "name"), '[]')
        FROM "Label" WHERE "active" = TRUE)::text AS "labels",
      (SELECT COALESCE(json_agg(json_build_object('id', "id", 'name', "name") ORDER BY "position", "name"), '[]')
        FROM "LostReason" WHERE "active" = TRUE)::text AS "lostReasons"`;
  return {
    pipelineId: row.pipelineId,
    pipelines: JSON.parse(row.pipelines),
    stages: JSON.parse(row.stages),
    baseCurrency: row.baseCurrency ?? "USD",
    owners: JSON.parse(row.owners),
    labels: JSON.parse(row.labels),
    lostReasons: JSON.parse(row.lostReasons),
  };
}
