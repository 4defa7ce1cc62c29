// The API reference's section on receiving webhooks: what a delivery looks
// like, how to verify its signature (the snippet the tests run as is), and
// the delivery rules a receiver can count on.
import { HEADERS, VERIFY_SNIPPET } from "@/lib/server/webhooks/signature";

const code = "font-mono text-xs";

export function WebhookGuide() {
  return (
    <section id="webhooks-receiving" className="space-y-2 text-sm">
      <h2 className="text-base font-semibold">Receiving webhooks</h2>
      <div className="space-y-3 rounded-xl border border-border bg-surface p-5 text-muted shadow-sm">
        <p>
          Each event is POSTed as JSON (the same object as in <code className={code}>GET /events</code>) with the headers{" "}
          <code className={code}>{HEADERS.id}</code> (de-duplicate on it), <code className={code}>{HEADERS.type}</code>,{" "}
          <code className={code}>{HEADERS.timestamp}</code> (Unix seconds), <code className={code}>{HEADERS.delivery}</code> and{" "}
          <code className={code}>{HEADERS.signature}</code>: <code className={code}>v1=</code> and the hex HMAC-SHA256 of{" "}
          <code className={code}>{"<timestamp>.<raw body>"}</code> with the endpoint&apos;s secret. For 24 hours after a rotation it carries two
          signatures, space-separated (new secret and old); accept either.
        </p>
        <p>
          Answer any 2xx within 10 seconds. Anything else, a redirect or no answer is retried with exponential backoff and jitter (from about 30 s up to
          every 4 hours) for 3 days; an endpoint whose deliveries all fail for 3 days is switched off, and Settings › Webhooks shows why. Delivery is at least once, and
          one record&apos;s events come in the order they happened.
        </p>
        <p>Verifying a request (Node.js, no dependencies):</p>
        {/* Focusable, so that a keyboard can scroll the wide lines. */}
        <pre tabIndex={0} aria-label="Verifying a request, Node.js" className="overflow-x-auto rounded-lg bg-surface-muted p-4 font-mono text-xs text-text">{VERIFY_SNIPPET}</pre>
      </div>
    </section>
  );
}
