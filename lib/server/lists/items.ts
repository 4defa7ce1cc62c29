// One shape over the four tables behind the admin-edited lists: sources,
// opportunity types and lost reasons (rows with ids) and labels (rows keyed by
// a stable key stored on opportunities, used as their id here).
import type { ListKind } from "@/lib/validation/lists";
import type { Tx } from "../auth/admin";
import { isoTimestamp } from "../serialize";

/** An item of any list. For a lost reason this is exactly the API's LostReason; only labels have a color. */
export interface ListItemDto {
  id: string;
  name: string;
  position: number;
  active: boolean;
  createdAt: string;
  color?: string;
}

export const ENTITY: Record<ListKind, string> = { source: "Source", type: "OpportunityType", lostReason: "LostReason", label: "Label" };
export const NOUN: Record<ListKind, string> = { source: "Source", type: "Opportunity type", lostReason: "Lost reason", label: "Label" };

interface Row { id: string; name: string; position: number; active: boolean; createdAt: Date; color?: string }
type Db = Pick<Tx, "source" | "opportunityType" | "lostReason" | "label">;

export const toListItemDto = (r: Row): ListItemDto => ({
  id: r.id, name: r.name, position: r.position, active: r.active, createdAt: isoTimestamp(r.createdAt)!, ...(r.color === undefined ? {} : { color: r.color }),
});

export const listOrder = [{ position: "asc" as const }, { name: "asc" as const }];

/** Every item of a list in its order. */
export async function listRows(db: Db, kind: ListKind): Promise<Row[]> {
  switch (kind) {
    case "source":
      return db.source.findMany({ orderBy: listOrder });
    case "type":
      return db.opportunityType.findMany({ orderBy: listOrder });
    case "lostReason":
      return db.lostReason.findMany({ orderBy: listOrder });
    case "label":
      return (await db.label.findMany({ orderBy: listOrder })).map(({ key, ...r }) => ({ ...r, id: key }));
  }
}

/** Writes name, position or active (and a label's color); other lists have no color. */
export async function writeRow(db: Db, kind: ListKind, id: string, data: { name?: string; position?: number; active?: boolean; color?: string }) {
  const { color, ...plain } = data;
  switch (kind) {
    case "source":
      return db.source.update({ where: { id }, data: plain });
    case "type":
      return db.opportunityType.update({ where: { id }, data: plain });
    case "lostReason":
      return db.lostReason.update({ where: { id }, data: plain });
    case "label":
      return db.label.update({ where: { key: id }, data: color ? { ...plain, color } : plain });
  }
}
