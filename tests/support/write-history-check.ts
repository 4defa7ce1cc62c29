// Checks, behind the app's back, that a set of opportunities written through
// the API under faults holds every acknowledged write and no half-written
// change. Each opportunity was created with amount 100.00, then only patched
// (a new, unique amount: one amount history row) or moved to another stage
// (one stage history row), so its version, its stage history and its amount
// history must agree exactly.
import pg from "pg";

export const INITIAL_AMOUNT = "100.00";

export interface Acknowledged {
  created: Set<string>;
  amounts: Map<string, Set<string>>;
  versions: Map<string, number>;
}

export async function writeHistoryProblems(databaseUrl: string, acked: Acknowledged): Promise<string[]> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ids = [...acked.created];
    const opps = (
      await db.query<{ id: string; stageId: string; amount: string; version: number }>(
        `SELECT id, "stageId", amount::text AS amount, version FROM "Opportunity" WHERE id = ANY($1)`,
        [ids],
      )
    ).rows;
    const stageRows = (
      await db.query<{ opportunityId: string; fromStageId: string | null; toStageId: string }>(
        `SELECT "opportunityId", "fromStageId", "toStageId" FROM "StageChange" WHERE "opportunityId" = ANY($1) ORDER BY "changedAt", id`,
        [ids],
      )
    ).rows;
    const amountRows = (
      await db.query<{ opportunityId: string; oldValue: string; newValue: string }>(
        `SELECT "opportunityId", "oldValue", "newValue" FROM "OpportunityFieldChange" WHERE field = 'amount' AND "opportunityId" = ANY($1) ORDER BY "changedAt", id`,
        [ids],
      )
    ).rows;

    const problems = ids.filter((id) => !opps.some((o) => o.id === id)).map((id) => `${id}: acknowledged create missing`);
    for (const o of opps) {
      const stages = stageRows.filter((r) => r.opportunityId === o.id);
      const amounts = amountRows.filter((r) => r.opportunityId === o.id);
      // The stage history is one unbroken chain from creation to where the card is.
      if (stages[0]?.fromStageId !== null) problems.push(`${o.id}: no creation row`);
      stages.forEach((r, i) => i > 0 && r.fromStageId !== stages[i - 1].toStageId && problems.push(`${o.id}: stage chain broken at ${i}`));
      if (stages.at(-1)?.toStageId !== o.stageId) problems.push(`${o.id}: stage ${o.stageId} is not where its history ends`);
      // So is the amount history, and it holds every acknowledged amount.
      amounts.forEach((r, i) => r.oldValue !== (i === 0 ? INITIAL_AMOUNT : amounts[i - 1].newValue) && problems.push(`${o.id}: amount chain broken at ${i}`));
      if ((amounts.at(-1)?.newValue ?? INITIAL_AMOUNT) !== o.amount) problems.push(`${o.id}: amount ${o.amount} is not where its history ends`);
      for (const a of acked.amounts.get(o.id) ?? []) if (!amounts.some((r) => r.newValue === a)) problems.push(`${o.id}: acknowledged amount ${a} lost`);
      // Every committed change bumped the version and wrote its history row in the same transaction:
      // one version per move (a stage row) and per patch (an amount row), none without the other.
      const changes = stages.length - 1 + amounts.length;
      if (o.version !== 1 + changes) problems.push(`${o.id}: version ${o.version} but ${changes} recorded changes`);
      const ackedVersion = acked.versions.get(o.id) ?? 0;
      if (o.version < ackedVersion) problems.push(`${o.id}: version ${o.version} below acknowledged ${ackedVersion}`);
    }
    return problems;
  } finally {
    await db.end();
  }
}
