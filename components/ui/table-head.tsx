import clsx from "clsx";

/** The header row of a data table; `right` columns hold numbers or actions, `hidden` ones only name themselves to screen readers. */
export function TableHead({ columns }: { columns: { label: string; right?: boolean; hidden?: boolean }[] }) {
  return (
    <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-medium uppercase tracking-wide text-muted">
      <tr>
        {columns.map((c, i) => (
          <th key={c.label} scope="col" className={clsx(i === 0 || i === columns.length - 1 ? "px-5" : "px-3", "py-2.5", c.right && "text-right")}>
            {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
