// A titled card holding one forecast table or chart, with its actions (CSV, view switch).
import Link from "next/link";

export function Section({ id, title, description, actions, children }: { id: string; title: string; description?: string; actions?: React.ReactNode; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-title`} className="min-w-0 rounded-xl border border-border bg-surface shadow-sm" data-testid={id}>
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-border px-5 py-3.5">
        <div>
          <h2 id={`${id}-title`} className="text-sm font-semibold">
            {title}
          </h2>
          {description ? <p className="mt-0.5 text-xs text-muted">{description}</p> : null}
        </div>
        {actions ? <div className="flex items-center gap-2">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

/** A figure that opens the list of opportunities behind it. */
export function FigureLink({ href, children, label }: { href: string; children: React.ReactNode; label?: string }) {
  return (
    <Link href={href} aria-label={label} className="rounded-sm decoration-muted/60 underline-offset-4 hover:text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent">
      {children}
    </Link>
  );
}

export const th = "px-4 py-2.5 text-xs font-medium uppercase tracking-wide text-muted";
export const td = "px-4 py-2.5";
