import type { Metadata } from "next";
import { ROLE_LABEL } from "@/components/app-shell/user-menu";
import { NameForm } from "@/components/profile/name-form";
import { NotificationPrefs } from "@/components/profile/notification-prefs";
import { PasswordForm } from "@/components/profile/password-form";
import { ProfileSection } from "@/components/profile/profile-section";
import { SessionList } from "@/components/profile/session-list";
import { PageHeader } from "@/components/ui/page-header";
import { requireActor } from "@/lib/server/auth/session";
import { mailSettings } from "@/lib/server/mail/transport";
import { listOwnSessions } from "@/lib/server/sessions/manage";
import { getOwnNotificationPrefs } from "@/lib/server/users/profile";

export const metadata: Metadata = { title: "Your profile" };

// One section per concern, in the order people look for them; a new preference is one more section.
export default async function ProfilePage() {
  const actor = await requireActor();
  const [sessions, prefs] = await Promise.all([listOwnSessions(actor), getOwnNotificationPrefs(actor)]);
  return (
    <>
      <PageHeader title="Your profile" description="Your name, your password, your notifications and the browsers where you are signed in." />
      <div className="max-w-5xl divide-y divide-border px-4 py-5 sm:px-8 sm:py-6">
        <ProfileSection id="account" title="Account" description="How your team sees you in the CRM.">
          <NameForm name={actor.name} email={actor.email} role={ROLE_LABEL[actor.role]} />
        </ProfileSection>
        <ProfileSection id="password" title="Password" description="Use a password you use nowhere else. Changing it signs out your other sessions.">
          <PasswordForm />
        </ProfileSection>
        <ProfileSection id="notifications" title="Notifications" description="What reaches you outside the app.">
          <NotificationPrefs emailNotifications={prefs.emailNotifications} mailConfigured={mailSettings() !== null} />
        </ProfileSection>
        <ProfileSection id="sessions" title="Active sessions" description="Browsers signed in as you in the last 7 days. Sign out any you don't recognise.">
          <SessionList sessions={sessions} />
        </ProfileSection>
      </div>
    </>
  );
}
