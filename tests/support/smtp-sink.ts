// A real SMTP server (the smtp-server package) standing in for the admin's
// mail server: records every message it accepts, and can refuse a delivery
// with a temporary error when the test says so.
import { SMTPServer } from "smtp-server";

export interface SentMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  received: SentMail[];
  /** Answer the next n messages with 451 (try again later). */
  refuseNext(n: number): void;
  refusals: number;
  waitFor(count: number, filter?: (m: SentMail) => boolean, timeoutMs?: number): Promise<SentMail[]>;
  close(): Promise<void>;
}

export async function startSmtpSink(port: number): Promise<SmtpSink> {
  const received: SentMail[] = [];
  let toRefuse = 0;
  const sink: SmtpSink = {
    received,
    refusals: 0,
    refuseNext: (n) => {
      toRefuse = n;
    },
    async waitFor(count, filter = () => true, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.filter(filter).length < count) {
        if (Date.now() > deadline) throw new Error(`SMTP: ${received.filter(filter).length} of ${count} messages after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received.filter(filter);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          sink.refusals += 1;
          const error = Object.assign(new Error("Mailbox busy, try again later"), { responseCode: 451 });
          return callback(error);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return sink;
}
