import { AppShell } from "@/components/app-shell/app-shell";
import { requireActor } from "@/lib/server/auth/session";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return <AppShell actor={actor}>{children}</AppShell>;
}
