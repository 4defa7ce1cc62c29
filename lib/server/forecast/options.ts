// What the forecast's filter bar offers: open pipelines and active people.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";

export interface ForecastFilterOptions {
  pipelines: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}

// Every signed-in user may filter by any pipeline or colleague: names are not
// private, and the figures behind them are still cut to what the actor may see.
export async function forecastFilterOptions(_actor: Actor): Promise<ForecastFilterOptions> {
  const [pipelines, owners] = await Promise.all([
    prisma().pipeline.findMany({ where: { isArchived: false }, orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    prisma().user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { pipelines, owners };
}
