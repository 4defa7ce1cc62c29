import { AppShell } from "@/components/app-shell/app-shell";
import { requireActor } from "@/lib/server/auth/session";
import { UserQueryProvider } from "../providers";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <UserQueryProvider key={actor.id}>
      <AppShell actor={actor}>{children}</AppShell>
    </UserQueryProvider>
  );
}
