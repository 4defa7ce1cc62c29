-- Per-user opt-out of notification e-mails (issue 17); on by default, used only when SMTP is configured.
ALTER TABLE "User" ADD COLUMN "emailNotifications" BOOLEAN NOT NULL DEFAULT true;
