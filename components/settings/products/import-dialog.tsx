"use client";

import { useState } from "react";
import { importProductsAction } from "@/lib/actions/products";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** "rows.3.unitPrice" -> "Row 3, unitPrice". */
const where = (path: string) => path.replace(/^rows\.(\d+)\.(.+)$/, "Row $1, $2").replace(/^csv$/, "File");

/** Imports a CSV file: all rows or none, every problem listed by row and column. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const { run, fieldErrors, pending } = useAction(importProductsAction, { success: (d) => `Imported: ${d.created} added, ${d.updated} updated` });
  const problems = Object.entries(fieldErrors);
  return (
    <Dialog open onClose={onClose} wide title="Import products from CSV" description="Columns: code, name, unitPrice, currency (required); description, unit, group, billing (ONE_TIME or MONTHLY), active (yes/no). Known codes are updated, new ones added.">
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          if (!file) return;
          const result = await run({ csv: await file.text() });
          if (result.ok) onClose();
        }}
      >
        <label htmlFor="product-csv" className="block text-sm font-medium">CSV file</label>
        <input id="product-csv" type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="mt-1.5 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium" />
        {problems.length ? (
          <div role="alert" className="mt-4 max-h-56 overflow-auto rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800 dark:border-rose-900 dark:bg-rose-950 dark:text-rose-200">
            <p className="mb-1 font-medium">Nothing was imported. Fix these and try again:</p>
            <ul className="list-disc space-y-0.5 pl-5">
              {problems.map(([path, message]) => <li key={path}><span className="font-medium">{where(path)}</span>: {message}</li>)}
            </ul>
          </div>
        ) : null}
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={!file || pending}>Import</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
