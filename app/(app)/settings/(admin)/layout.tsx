import { requireAdmin } from "@/lib/server/auth/session";

// Non-admins get a 403 for every admin settings URL (settings/forbidden.tsx).
// Each page asks again (a layout does not run before its page renders) and the
// services check the role on every call as well, all through isAdmin.
export default async function AdminSettingsLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return children;
}
