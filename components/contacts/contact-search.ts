// Contacts on the client: the query keys of contact reads and the contact picker's search.
import type { SearchSource } from "@/components/forms/use-search";
import type { SearchOption } from "@/components/forms/search-select";
import { searchContactsAction } from "@/lib/actions/contacts";

export const contactKeys = {
  all: ["contacts"] as const,
  search: (preferAccountId: string | null, exceptId?: string) => ["contacts", "search", preferAccountId, exceptId ?? null] as const,
};

/** Contacts by name, email or company, those of `preferAccountId` first; `exceptId` leaves one out. */
export function contactSearch(preferAccountId: string | null, exceptId?: string): SearchSource<SearchOption> {
  return {
    key: contactKeys.search(preferAccountId, exceptId),
    run: async (q) => {
      const r = await searchContactsAction({ q, accountId: preferAccountId });
      return r.ok ? r.data.filter((c) => c.id !== exceptId).map((c) => ({ id: c.id, label: c.name, detail: c.accountName ?? c.email })) : [];
    },
  };
}
