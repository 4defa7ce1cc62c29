// The API's view of the forecast: the period's headline and categories plus
// the rows of one grouping, exactly as the page computes them.
import type { ForecastGroup } from "@/lib/domain/forecast";
import type { ForecastFilters } from "@/lib/validation/forecast";
import type { Actor } from "../auth/actor";
import { getForecast, type Forecast } from "./index";

export type ForecastApiBody = Omit<Forecast, "months" | "stages" | "owners"> & {
  groupBy: ForecastGroup;
  data: NonNullable<Forecast["months"] | Forecast["stages"] | Forecast["owners"]>;
};

export async function forecastApiResponse(actor: Actor, query: ForecastFilters & { groupBy: ForecastGroup }): Promise<ForecastApiBody> {
  const { groupBy, ...filters } = query;
  const { months, stages, owners, ...rest } = await getForecast(actor, filters, { groups: [groupBy] });
  const data = groupBy === "month" ? months! : groupBy === "stage" ? stages! : owners!;
  return { ...rest, groupBy, data };
}
