"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { Toaster } from "sonner";

/** For every page, signed in or not: the toasts. */
export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <>
      {children}
      <Toaster position="bottom-right" richColors closeButton />
    </>
  );
}

/**
 * The signed-in user's client cache, rendered by the app's layout keyed by the
 * user's id: one QueryClient per user, so nothing one user loaded (a board
 * with their private deals) is ever shown to the next one signing in on the
 * same tab, where the root layout and its state would otherwise survive.
 */
export function UserQueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: true } } }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
