import type { Metadata } from "next";
import { UserSettings } from "@/components/settings/users/user-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listUserSettings } from "@/lib/server/users/manage";

export const metadata: Metadata = { title: "Users · Settings" };

export default async function UsersPage() {
  const actor = await requireAdmin();
  const users = await listUserSettings(actor);
  return (
    <>
      <PageHeader title="Users" description="Invite people, set their role, and lock out those who left. A deactivated user's sessions and API keys stop at once." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <UserSettings users={users} currentUserId={actor.id} />
      </div>
    </>
  );
}
