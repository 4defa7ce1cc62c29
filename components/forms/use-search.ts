"use client";
// The reads behind the search-as-you-type pickers: a query per typed text
// (after a pause in typing), cached under the feature's search key so that
// going back to a text answers at once, and invalidated by the mutations
// that change what a search finds. Out-of-order answers cannot overwrite
// newer ones: each text is its own query.
import { keepPreviousData, useQuery, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/** What a picker searches: its query key (per feature, see the *-search.ts files) and the read. */
export interface SearchSource<T> {
  key: QueryKey;
  run: (q: string) => Promise<T[]>;
}

export function useSearch<T>(source: SearchSource<T>, text: string, enabled: boolean, delayMs = 150): { options: T[]; loading: boolean } {
  const [debounced, setDebounced] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  const query = useQuery({
    queryKey: [...source.key, debounced],
    queryFn: () => source.run(debounced).catch(() => []),
    enabled,
    placeholderData: keepPreviousData,
  });
  return { options: query.data ?? [], loading: query.isFetching };
}
