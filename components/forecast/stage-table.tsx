// The period's deals per stage: value, weighted value, how long open deals
// have sat there, and how many deals that entered the stage moved on.
import { formatMoney } from "@/lib/domain/money";
import { formatRatio } from "@/lib/domain/forecast";
import type { Forecast } from "@/lib/server/forecast";
import type { StageForecast } from "@/lib/server/forecast/by-stage";
import { CsvButton } from "./csv-button";
import { inWindow, opportunitiesHref } from "./links";
import { FigureLink, Section, td, th } from "./section";

export function StageTable({ forecast }: { forecast: Forecast }) {
  const stages = forecast.stages ?? [];
  const { currency, filters, window: w } = forecast;
  const manyPipelines = new Set(stages.map((s) => s.pipelineId)).size > 1;
  const href = (s: StageForecast) => opportunitiesHref({ ...filters, pipelineId: s.pipelineId }, { stageId: s.stageId, status: s.type, ...inWindow(w) });
  const header = ["Pipeline", "Stage", "Deals", `Amount (${currency})`, `Weighted (${currency})`, "Average age in stage (days)", "Left the stage in period", "Moved forward", "Conversion to next stage"];
  const rows = stages.map((s) => [s.pipelineName, s.stageName, s.count, s.amount, s.weightedAmount, s.averageAgeDays, s.type === "OPEN" ? s.exited : null, s.type === "OPEN" ? s.advanced : null, s.conversion]);
  return (
    <Section
      id="forecast-stages"
      title="By stage"
      description="Open deals closing in the period, and deals won or lost in it. Conversion: of the deals that left a stage in the period, the share that moved forward rather than back or to lost."
      actions={<CsvButton filename="forecast-by-stage.csv" header={header} rows={rows} />}
    >
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[760px] text-sm">
          <thead className="border-b border-border bg-surface-muted/60">
            <tr>
              <th scope="col" className={`${th} text-left`}>Stage</th>
              <th scope="col" className={`${th} text-right`}>Deals</th>
              <th scope="col" className={`${th} text-right`}>Amount</th>
              <th scope="col" className={`${th} text-right`}>Weighted</th>
              <th scope="col" className={`${th} text-right`}>Avg. age</th>
              <th scope="col" className={`${th} text-right`}>Conversion</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {stages.map((s, i) => (
              <tr key={s.stageId} data-testid="stage-row" className={manyPipelines && i > 0 && stages[i - 1].pipelineId !== s.pipelineId ? "border-t-2 border-t-border" : undefined}>
                <th scope="row" className={`${td} text-left font-medium`}>
                  <span className="flex items-center gap-2">
                    <span className="size-2 shrink-0 rounded-full" style={{ backgroundColor: s.color }} aria-hidden="true" />
                    {s.stageName}
                    {manyPipelines ? <span className="text-xs font-normal text-muted">{s.pipelineName}</span> : null}
                  </span>
                </th>
                <td className={`${td} text-right tabular`}>
                  <FigureLink href={href(s)}>{s.count}</FigureLink>
                </td>
                <td className={`${td} text-right tabular`}>
                  <FigureLink href={href(s)}>{formatMoney(s.amount, currency)}</FigureLink>
                </td>
                <td className={`${td} text-right tabular text-muted`}>{formatMoney(s.weightedAmount, currency)}</td>
                <td className={`${td} text-right tabular text-muted`}>{s.averageAgeDays === null ? "—" : `${s.averageAgeDays} d`}</td>
                <td className={`${td} text-right tabular`}>
                  {s.type === "OPEN" ? (
                    <span title={`${s.advanced} of the ${s.exited} deals that left the stage moved forward`}>
                      {formatRatio(s.conversion)} <span className="text-xs text-muted">({s.advanced}/{s.exited})</span>
                    </span>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
