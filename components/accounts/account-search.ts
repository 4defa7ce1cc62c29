// Accounts on the client: the query keys of account reads and the account picker's search.
import type { SearchSource } from "@/components/forms/use-search";
import type { SearchOption } from "@/components/forms/search-select";
import { searchAccountsAction } from "@/lib/actions/accounts";

export const accountKeys = {
  all: ["accounts"] as const,
  search: (exceptId?: string) => ["accounts", "search", exceptId ?? null] as const,
};

/** Accounts by name for a picker; `exceptId` leaves one out (the account being deleted). */
export function accountSearch(exceptId?: string): SearchSource<SearchOption> {
  return {
    key: accountKeys.search(exceptId),
    run: async (q) => {
      const r = await searchAccountsAction({ q });
      return r.ok ? r.data.filter((a) => a.id !== exceptId).map((a) => ({ id: a.id, label: a.name })) : [];
    },
  };
}
