// The first words of a delete dialog's question: what uses the record, as far
// as the user may see it, plus "records you cannot see" (never a number) when
// private deals of others use it too.
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const opportunitiesPhrase = (n: number) => count(n, "opportunity", "opportunities");
export const contactsPhrase = (n: number) => count(n, "contact", "contacts");

/** "1 opportunity, 2 contacts and records you cannot see"; parts that are null are left out. */
export function usagePhrase(parts: (string | null)[], hidden: boolean): string {
  const all = [...parts.filter((p): p is string => !!p), ...(hidden ? ["records you cannot see"] : [])];
  const text = all.length > 1 ? `${all.slice(0, -1).join(", ")} and ${all.at(-1)}` : (all[0] ?? "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
