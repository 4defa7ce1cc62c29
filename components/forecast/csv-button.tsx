"use client";

// Downloads a table's rows as CSV, built in the browser from the figures
// already on the page, so the file always matches what is shown.
import Papa from "papaparse";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";

export type CsvCell = string | number | null;

export function CsvButton({ filename, header, rows, label = "Export CSV" }: { filename: string; header: string[]; rows: CsvCell[][]; label?: string }) {
  function download() {
    // escapeFormulae: a name starting with = or @ must not run as a formula in a spreadsheet.
    const csv = Papa.unparse({ fields: header, data: rows.map((r) => r.map((v) => v ?? "")) }, { escapeFormulae: true });
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <Button size="sm" onClick={download} aria-label={`${label}: ${filename}`}>
      <Download className="size-3.5" aria-hidden="true" />
      {label}
    </Button>
  );
}
