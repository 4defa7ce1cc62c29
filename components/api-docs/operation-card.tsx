import clsx from "clsx";
import { SchemaTable, typeLabel } from "./schema-table";

type Schema = Record<string, unknown>;

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  security: unknown[];
  parameters: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: { "application/json": { schema: Schema; example?: unknown } } };
  responses: Record<string, { description?: string; $ref?: string; content?: { "application/json": { schema: Schema } } }>;
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  post: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  put: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  patch: "bg-violet-100 text-violet-800 dark:bg-violet-950 dark:text-violet-300",
  delete: "bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-300",
};

export function OperationCard({ method, path, op, components }: { method: string; path: string; op: Operation; components: Record<string, Schema> }) {
  const success = Object.entries(op.responses).find(([status]) => status.startsWith("2"));
  const errors = Object.keys(op.responses).filter((s) => !s.startsWith("2"));
  return (
    <article id={op.operationId} className="scroll-mt-6 rounded-xl border border-border bg-surface p-5 shadow-sm">
      <header className="flex flex-wrap items-center gap-3">
        <span className={clsx("rounded-md px-2 py-0.5 font-mono text-xs font-bold uppercase", METHOD_STYLE[method])}>{method}</span>
        <code className="min-w-0 wrap-anywhere font-mono text-sm font-semibold">/api/v1{path}</code>
        {op.security.length === 0 ? <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs text-muted">public</span> : null}
      </header>
      <h3 className="mt-2 font-medium">{op.summary}</h3>
      {op.description ? <p className="mt-1 text-sm text-muted">{op.description}</p> : null}
      {op.parameters.length ? (
        <section className="mt-4">
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Parameters</h4>
          <table className="w-full table-fixed text-left text-xs">
            <tbody className="divide-y divide-border">
              {op.parameters.map((p) => (
                <tr key={`${p.in}:${p.name}`} className="align-top">
                  <td className="w-2/5 break-all py-1.5 pr-3 font-mono font-medium sm:w-48">
                    {p.name}
                    {p.required ? <span className="ml-1 text-danger">*</span> : null}
                  </td>
                  <td className="w-16 py-1.5 pr-3 text-muted sm:w-20">{p.in}</td>
                  <td className="break-all py-1.5 pr-3 font-mono text-muted">{typeLabel(p.schema, components)}</td>
                  <td className="break-words py-1.5 text-muted">{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {op.requestBody ? (
        <section className="mt-4">
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Request body</h4>
          <SchemaTable schema={op.requestBody.content["application/json"].schema} components={components} />
          {op.requestBody.content["application/json"].example ? (
            <pre className="mt-2 overflow-x-auto rounded-lg bg-surface-muted p-3 font-mono text-xs">
              {JSON.stringify(op.requestBody.content["application/json"].example, null, 2)}
            </pre>
          ) : null}
        </section>
      ) : null}
      {success ? (
        <section className="mt-4">
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Response {success[0]}</h4>
          <SchemaTable schema={success[1].content!["application/json"].schema} components={components} />
        </section>
      ) : null}
      <p className="mt-4 text-xs text-muted">Errors: {errors.join(", ")} (see Errors below).</p>
    </article>
  );
}
