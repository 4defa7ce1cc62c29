// Sending one message through the SMTP server the admin configured
// (SMTP_URL), with nodemailer. Called only from background jobs, so a slow or
// failing mail server never holds up a request; a failure throws and the job
// retries. One pooled transport per process and URL.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export interface MailSettings {
  smtpUrl: string;
  from: string;
  /** The app's address, for absolute links. */
  appUrl: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Timeouts well inside the job lease, so a silent server frees the job for its retry.
    transport = nodemailer.createTransport(smtpUrl, { pool: true, maxConnections: 2, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as nodemailer.TransportOptions);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

export async function sendMail(settings: MailSettings, message: MailMessage): Promise<void> {
  await transportFor(settings.smtpUrl).sendMail({ from: settings.from, ...message });
}

/** Closes the pooled connections (shutdown, tests). */
export function closeMailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

/** The configured mail settings, or null when SMTP_URL is not set (no e-mail at all). */
export function mailSettings(): MailSettings | null {
  const e = env();
  if (!e.SMTP_URL) return null;
  return { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM, appUrl: e.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}` };
}
