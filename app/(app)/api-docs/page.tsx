import type { Metadata } from "next";
import { OperationCard, type Operation } from "@/components/api-docs/operation-card";
import { SchemaTable } from "@/components/api-docs/schema-table";
import { WebhookGuide } from "@/components/api-docs/webhook-guide";
import { PageHeader } from "@/components/ui/page-header";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "API reference" };

type Schema = Record<string, unknown>;

export default async function ApiDocsPage() {
  await requireActor();
  const doc = buildOpenApiDocument();
  const components = doc.components.schemas as Record<string, Schema>;
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const tag = (op as { tags: string[] }).tags[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op: op as Operation }]);
    }
  }
  return (
    <>
      <PageHeader
        title="API reference"
        description={
          <>
            REST API v1, generated from the schemas that validate every request. Machine-readable:{" "}
            <a href="/api/v1/openapi.json" className="font-medium text-accent hover:underline">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </>
        }
      />
      <div className="flex gap-8 px-8 py-6">
        <nav aria-label="Endpoints" className="sticky top-6 hidden h-fit w-56 shrink-0 space-y-4 text-sm lg:block">
          {[...byTag].map(([tag, ops]) => (
            <div key={tag}>
              <div className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">{tag}</div>
              {ops.map(({ method, path, op }) => (
                <a key={op.operationId} href={`#${op.operationId}`} className="block truncate py-0.5 text-muted hover:text-text">
                  <span className="inline-block w-12 font-mono text-[10px] uppercase">{method}</span>
                  {path}
                </a>
              ))}
            </div>
          ))}
        </nav>
        <div className="min-w-0 max-w-4xl flex-1 space-y-10">
          <section className="space-y-2 text-sm">
            <h2 className="text-base font-semibold">Conventions</h2>
            <p className="text-muted">
              {doc.info.description.split("`").map((part, i) =>
                i % 2 ? (
                  <code key={i} className="font-mono text-xs">
                    {part}
                  </code>
                ) : (
                  part
                ),
              )}
            </p>
            <p className="text-muted">
              Writes take optimistic concurrency: send the <code className="font-mono text-xs">version</code> you read (or{" "}
              <code className="font-mono text-xs">If-Match</code>); a stale one answers 409 and changes nothing. POST creations accept an{" "}
              <code className="font-mono text-xs">Idempotency-Key</code> header. Every response carries an <code className="font-mono text-xs">X-Request-Id</code>.
            </p>
          </section>
          {[...byTag].map(([tag, ops]) => (
            <section key={tag} className="space-y-4">
              <h2 className="text-base font-semibold">{tag}</h2>
              {ops.map(({ method, path, op }) => (
                <OperationCard key={op.operationId} method={method} path={path} op={op} components={components} />
              ))}
            </section>
          ))}
          <WebhookGuide />
          <section className="space-y-2">
            <h2 className="text-base font-semibold">Errors</h2>
            <div className="rounded-xl border border-border bg-surface p-5 shadow-sm">
              <SchemaTable schema={components.Error} components={components} />
              <ul className="mt-4 space-y-1 text-xs text-muted">
                {Object.entries(doc.components.responses).map(([name, r]) => (
                  <li key={name}>
                    <span className="font-mono font-medium text-text">{name.replace("Error", "")}</span> {r.description}
                  </li>
                ))}
              </ul>
            </div>
          </section>
        </div>
      </div>
    </>
  );
}
