"use client";

import { useState } from "react";
import { useAction } from "@/components/ui/use-action";
import { updateNotificationPrefsAction } from "@/lib/actions/profile";

/** The e-mail opt-out: saved as soon as it is switched; said plainly when the server sends no e-mail at all. */
export function NotificationPrefs({ emailNotifications, mailConfigured }: { emailNotifications: boolean; mailConfigured: boolean }) {
  const [on, setOn] = useState(emailNotifications);
  const save = useAction(updateNotificationPrefsAction, {
    success: (data) => (data.emailNotifications ? "E-mail notifications on" : "E-mail notifications off"),
    onSuccess: (data) => setOn(data.emailNotifications),
  });
  return (
    <div className="space-y-2 text-sm">
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          checked={on}
          disabled={save.pending}
          onChange={(e) => {
            setOn(e.target.checked);
            void save.run({ emailNotifications: e.target.checked });
          }}
          className="mt-0.5 size-4 rounded border-border accent-[var(--accent)]"
        />
        <span>
          <span className="font-medium">Also send my notifications by e-mail</span>
          <span className="block text-muted">Assignments, mentions and switched-off webhooks; the bell shows them either way.</span>
        </span>
      </label>
      {mailConfigured ? null : <p className="text-xs text-muted">This server has no mail server configured yet (SMTP_URL), so no e-mail is sent for now.</p>}
    </div>
  );
}
