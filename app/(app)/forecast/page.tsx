import type { Metadata } from "next";
import { AlertTriangle } from "lucide-react";
import { Categories } from "@/components/forecast/categories";
import { FilterBar } from "@/components/forecast/filter-bar";
import { Headline } from "@/components/forecast/headline";
import { MonthChart } from "@/components/forecast/month-chart";
import { OwnerTable } from "@/components/forecast/owner-table";
import { StageTable } from "@/components/forecast/stage-table";
import { PageHeader } from "@/components/ui/page-header";
import { periodName, windowLabel } from "@/lib/domain/forecast";
import { requireActor } from "@/lib/server/auth/session";
import { getForecast } from "@/lib/server/forecast";
import { forecastFilterOptions } from "@/lib/server/forecast/options";
import { parseForecastPageParams } from "@/lib/validation/forecast";

export const metadata: Metadata = { title: "Forecast" };

export default async function ForecastPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const { filters, problems } = parseForecastPageParams(await searchParams);
  const [forecast, options] = await Promise.all([getForecast(actor, filters), forecastFilterOptions(actor)]);
  return (
    <>
      <PageHeader
        title="Forecast"
        description={
          <>
            {periodName(filters.period)} · <span className="tabular">{windowLabel(forecast.window)}</span> · amounts in {forecast.currency}, converted at each deal&apos;s stored rate
          </>
        }
      />
      <div className="flex flex-col gap-5 px-8 py-6">
        <FilterBar filters={filters} options={options} window={forecast.window} />
        {Object.keys(problems).length > 0 ? (
          <div role="alert" className="flex items-start gap-2 rounded-lg border border-danger/40 bg-danger/5 px-4 py-3 text-sm text-danger">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <div>
              Some filters in the address were ignored:{" "}
              {Object.entries(problems)
                .map(([field, message]) => `${field}: ${message}`)
                .join("; ")}
              .
            </div>
          </div>
        ) : null}
        <Headline forecast={forecast} />
        <div className="grid grid-cols-[minmax(0,1fr)] gap-5 2xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <MonthChart months={forecast.months ?? []} currency={forecast.currency} filters={filters} today={forecast.asOf} />
          <Categories forecast={forecast} />
        </div>
        <StageTable forecast={forecast} />
        <OwnerTable owners={forecast.owners ?? []} currency={forecast.currency} filters={filters} window={forecast.window} />
      </div>
    </>
  );
}
