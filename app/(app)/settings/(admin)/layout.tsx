import { forbidden } from "next/navigation";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

// Non-admins get a 403 for every admin settings URL (settings/forbidden.tsx);
// each page and every action re-checks the role on the server as well.
export default async function AdminSettingsLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  if (!isAdmin(actor)) forbidden();
  return children;
}
