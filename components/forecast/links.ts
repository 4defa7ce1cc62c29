// Links from a forecast figure to the Opportunities table showing the deals
// behind it, with the table's URL filters (pipelineId, stageId, status,
// ownerId, closeFrom, closeTo, forecastCategory).
import type { DateWindow } from "@/lib/domain/forecast";
import type { ForecastFilters } from "@/lib/validation/forecast";

export interface OpportunityLinkFilter {
  status?: "OPEN" | "WON" | "LOST";
  stageId?: string;
  ownerId?: string;
  forecastCategory?: "PIPELINE" | "BEST_CASE" | "COMMIT";
  closeFrom?: string;
  closeTo?: string;
}

export function opportunitiesHref(filters: ForecastFilters, link: OpportunityLinkFilter): string {
  const params = new URLSearchParams();
  if (filters.pipelineId) params.set("pipelineId", filters.pipelineId);
  if (link.stageId) params.set("stageId", link.stageId);
  if (link.status) params.set("status", link.status);
  const owner = link.ownerId ?? filters.ownerId;
  if (owner) params.set("ownerId", owner);
  if (link.closeFrom) params.set("closeFrom", link.closeFrom);
  if (link.closeTo) params.set("closeTo", link.closeTo);
  if (link.forecastCategory) params.set("forecastCategory", link.forecastCategory);
  return `/opportunities?${params.toString()}`;
}

/** The close-date bounds of a window as link filters. */
export const inWindow = (w: Pick<DateWindow, "start" | "end">) => ({ closeFrom: w.start, closeTo: w.end });
