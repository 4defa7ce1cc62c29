"use client";

// The import wizard (/import): upload, map, resolve unknown names, dry run,
// import with a progress bar, undo. Its state is the import on the server
// (its status), polled while a job runs, and the page's URL (?id=) names it,
// so a reload comes back to the same step and the same progress.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClass } from "@/components/ui/field";
import { Pill } from "@/components/ui/pill";
import { TableHead } from "@/components/ui/table-head";
import { useAction } from "@/components/ui/use-action";
import { configureImportAction, saveImportMappingAction, startImportAction, undoImportAction } from "@/lib/actions/imports";
import { DELIMITER_NAMES, DELIMITERS } from "@/lib/domain/import/dialect";
import { DATE_FORMAT_EXAMPLES, DATE_FORMATS } from "@/lib/domain/import/values";
import type { ImportDto } from "@/lib/server/imports/dto";
import type { WizardOptions } from "@/lib/server/imports/options";
import type { RowErrorDto } from "@/lib/server/imports/read";
import { MATCH_KEYS_OF, type ImportSettings } from "@/lib/validation/imports";

const ENTITY_NAMES = { opportunity: "Opportunities", account: "Accounts", contact: "Contacts" } as const;
type Entity = keyof typeof ENTITY_NAMES;
const RUNNING = new Set(["VALIDATING", "QUEUED", "RUNNING", "UNDOING"]);
const REFERENCE_NAMES: Record<string, string> = { stage: "Stages", pipeline: "Pipelines", user: "Owners", source: "Sources", type: "Types", lostReason: "Lost reasons" };

interface Status {
  import: ImportDto;
  errors: { data: RowErrorDto[]; total: number };
}

async function fetchStatus(id: string): Promise<Status> {
  const res = await fetch(`/import/${id}/status`, { cache: "no-store" });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error?.message ?? "Could not load the import");
  return body as Status;
}

export function ImportWizard({ options, initial }: { options: WizardOptions; initial: Status | null }) {
  const router = useRouter();
  const [id, setId] = useState(initial?.import.id ?? null);
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: ["import", id],
    queryFn: () => fetchStatus(id!),
    enabled: !!id,
    ...(initial && initial.import.id === id ? { initialData: initial } : {}),
    refetchInterval: (q) => (q.state.data && RUNNING.has(q.state.data.import.status) ? 1000 : false),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["import", id] });
  const onUploaded = (dto: ImportDto) => {
    client.setQueryData(["import", dto.id], { import: dto, errors: { data: [], total: 0 } });
    setId(dto.id);
    router.replace(`/import?id=${dto.id}`);
  };
  if (!id || !data) return <UploadStep options={options} onUploaded={onUploaded} />;
  const imp = data.import;
  return (
    <div className="space-y-6">
      <Steps status={imp.status} />
      {imp.status === "UPLOADED" ? <MapStep imp={imp} options={options} onChanged={refresh} /> : null}
      {imp.status === "VALIDATED" ? <DryRunStep status={data} options={options} onChanged={refresh} /> : null}
      {RUNNING.has(imp.status) ? <ProgressStep imp={imp} /> : null}
      {["DONE", "FAILED", "UNDONE"].includes(imp.status) ? <DoneStep status={data} onChanged={refresh} /> : null}
      <div>
        <Button variant="ghost" onClick={() => { setId(null); router.replace("/import"); }}>Start another import</Button>
      </div>
    </div>
  );
}

function Steps({ status }: { status: string }) {
  const at = status === "UPLOADED" ? 1 : status === "VALIDATING" || status === "VALIDATED" ? 2 : 3;
  const steps = ["Upload", "Map columns", "Check (dry run)", "Import"];
  return (
    <ol className="flex flex-wrap gap-2 text-xs" aria-label="Import steps">
      {steps.map((s, i) => (
        <li key={s} aria-current={i === at ? "step" : undefined}>
          {i <= at ? <Pill tone={i < at ? "success" : "accent"}>{i + 1}. {s}</Pill> : <span className="inline-flex rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ring-border">{i + 1}. {s}</span>}
        </li>
      ))}
    </ol>
  );
}

function UploadStep({ options, onUploaded }: { options: WizardOptions; onUploaded: (dto: ImportDto) => void }) {
  const [entity, setEntity] = useState<Entity>("opportunity");
  const [file, setFile] = useState<File | null>(null);
  const [mappingId, setMappingId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const saved = options.savedMappings.filter((m) => m.entity === entity);
  async function upload(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setPending(true);
    setError(null);
    const query = new URLSearchParams({ entity, fileName: file.name, ...(mappingId ? { mappingId } : {}) });
    try {
      const res = await fetch(`/import/upload?${query}`, { method: "POST", body: file, headers: { "Content-Type": "text/csv" } });
      const body = await res.json();
      if (!res.ok) setError(body.error?.fields?.file ?? body.error?.message ?? "The upload failed");
      else onUploaded(body as ImportDto);
    } catch {
      setError("The server could not be reached; try again.");
    } finally {
      setPending(false);
    }
  }
  return (
    <Card title="Upload a CSV file" description="UTF-8 or Windows-1252, comma or semicolon separated, up to 100,000 rows and 50 MB. Exports of Pipedrive, HubSpot and Salesforce are recognised.">
      <form onSubmit={upload} className="grid gap-4 p-5 sm:grid-cols-3">
        <div className="space-y-1.5">
          <label htmlFor="import-entity" className="block text-sm font-medium">What the file holds</label>
          <select id="import-entity" className={inputClass()} value={entity} onChange={(e) => setEntity(e.target.value as Entity)}>
            {Object.entries(ENTITY_NAMES).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="import-file" className="block text-sm font-medium">CSV file</label>
          <input id="import-file" type="file" accept=".csv,.txt,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="block w-full text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-surface file:px-3 file:py-1.5 file:text-sm file:font-medium" />
        </div>
        <div className="space-y-1.5">
          <label htmlFor="import-saved" className="block text-sm font-medium">Saved mapping</label>
          <select id="import-saved" className={inputClass()} value={mappingId} onChange={(e) => setMappingId(e.target.value)}>
            <option value="">Suggest from the headers</option>
            {saved.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </div>
        {error ? <p role="alert" className="text-sm font-medium text-danger sm:col-span-3">{error}</p> : null}
        <div className="sm:col-span-3">
          <Button type="submit" variant="primary" disabled={!file || pending}>{pending ? "Uploading…" : "Upload"}</Button>
        </div>
      </form>
    </Card>
  );
}

function MapStep({ imp, options, onChanged }: { imp: ImportDto; options: WizardOptions; onChanged: () => void }) {
  const entity = imp.entity as Entity;
  const [settings, setSettings] = useState<ImportSettings>(imp.settings);
  const [mappingName, setMappingName] = useState("");
  const set = <K extends keyof ImportSettings>(k: K, v: ImportSettings[K]) => setSettings((s) => ({ ...s, [k]: v }));
  const configure = useAction(configureImportAction, { refresh: false, onSuccess: onChanged });
  const start = useAction(startImportAction, { refresh: false, onSuccess: onChanged });
  const save = useAction(saveImportMappingAction, { refresh: false, success: (m) => `Mapping "${m.name}" saved` });
  const fields = options.fields[entity];
  const sample = imp.preview?.sample ?? [];
  const dialectChanged = settings.encoding !== imp.settings.encoding || settings.delimiter !== imp.settings.delimiter;
  async function dryRun() {
    const changes = dialectChanged ? { encoding: settings.encoding, delimiter: settings.delimiter } : settings;
    const saved = await configure.run({ id: imp.id, settings: changes });
    if (saved.ok && !dialectChanged) await start.run({ id: imp.id, dryRun: true });
  }
  const select = (id: string, label: string, value: string, onChange: (v: string) => void, choices: [string, string][]) => (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <select id={id} className={inputClass()} value={value} onChange={(e) => onChange(e.target.value)}>
        {choices.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
  return (
    <>
      <Card title={`${imp.fileName}: ${imp.totalRows.toLocaleString("en")} rows`} description="How the file is written (detected; correct it if the preview looks wrong)">
        <div className="grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-4">
          {select("import-encoding", "Encoding", settings.encoding, (v) => set("encoding", v as ImportSettings["encoding"]), [["utf-8", "UTF-8"], ["windows-1252", "Windows-1252 (Excel, Western Europe)"]])}
          {select("import-delimiter", "Separator", settings.delimiter, (v) => set("delimiter", v as ImportSettings["delimiter"]), DELIMITERS.map((d) => [d, DELIMITER_NAMES[d]]))}
          {select("import-numbers", "Numbers", settings.numberStyle, (v) => set("numberStyle", v as ImportSettings["numberStyle"]), [["dot", "1,234.56"], ["comma", "1.234,56"]])}
          {select("import-dates", imp.preview?.dateAmbiguous ? "Dates (pick: the file leaves it open)" : "Dates", settings.dateFormat, (v) => set("dateFormat", v as ImportSettings["dateFormat"]), DATE_FORMATS.map((f) => [f, DATE_FORMAT_EXAMPLES[f]]))}
          {select("import-mode", "Existing records", settings.mode, (v) => set("mode", v as ImportSettings["mode"]), [["create", "Create only"], ["update", "Update only"], ["upsert", "Create or update"]])}
          {select("import-match", "Match by", settings.matchBy, (v) => set("matchBy", v as ImportSettings["matchBy"]), MATCH_KEYS_OF[entity].map((k) => [k, { externalId: "External id", email: "E-mail", name: "Name", domain: "Website domain" }[k]]))}
          {entity !== "account" ? (
            <label className="flex items-center gap-2 self-end pb-2 text-sm">
              <input type="checkbox" checked={settings.createMissing} onChange={(e) => set("createMissing", e.target.checked)} />
              Create accounts that do not exist yet
            </label>
          ) : null}
        </div>
      </Card>
      <Card title="Map columns to fields" description="Suggested from the header names; a column can be skipped.">
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <TableHead columns={[{ label: "Column" }, { label: "First values" }, { label: "Field" }]} />
            <tbody className="divide-y divide-border">
              {imp.headers.map((h, i) => (
                <tr key={`${h}-${i}`}>
                  <td className="px-4 py-2 font-medium">{h}</td>
                  <td className="max-w-64 truncate px-4 py-2 text-muted">{sample.slice(0, 3).map((r) => r[i]).filter(Boolean).join(" · ") || "—"}</td>
                  <td className="px-4 py-2">
                    <select aria-label={`Field for column ${h}`} className={inputClass(false, true)} value={settings.mapping[i] ?? ""} onChange={(e) => set("mapping", settings.mapping.map((m, j) => (j === i ? e.target.value || null : m)))}>
                      <option value="">Skip this column</option>
                      {fields.map((f) => <option key={f.key} value={f.key}>{f.label}{f.required ? " (required)" : ""}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="flex flex-wrap items-end gap-3 border-t border-border p-5">
          <Button variant="primary" onClick={dryRun} disabled={configure.pending || start.pending}>{dialectChanged ? "Read the file again" : "Check the file (dry run)"}</Button>
          <div className="ml-auto flex items-end gap-2">
            <div className="space-y-1.5">
              <label htmlFor="import-mapping-name" className="block text-xs font-medium text-muted">Save this mapping as</label>
              <input id="import-mapping-name" className={inputClass(false, true)} value={mappingName} onChange={(e) => setMappingName(e.target.value)} placeholder="e.g. HubSpot deals" />
            </div>
            <Button disabled={!mappingName.trim() || save.pending} onClick={() => save.run({ name: mappingName, entity, columns: Object.fromEntries(imp.headers.map((h, i) => [h, settings.mapping[i] ?? null])) })}>Save mapping</Button>
          </div>
        </div>
      </Card>
    </>
  );
}

function ErrorList({ status }: { status: Status }) {
  const { data, total } = status.errors;
  if (!total) return null;
  return (
    <div className="border-t border-border">
      <div className="flex flex-wrap items-center justify-between gap-2 px-5 py-3">
        <h3 className="text-sm font-semibold" id="import-errors">{total} problem{total === 1 ? "" : "s"} in {status.import.failedCount} row{status.import.failedCount === 1 ? "" : "s"}</h3>
        <a className={buttonClass("secondary", "sm")} href={`/import/${status.import.id}/errors`} download>Download rejected rows (CSV)</a>
      </div>
      <div className="max-h-72 overflow-auto">
        <table className="w-full text-sm" aria-labelledby="import-errors">
          <TableHead columns={[{ label: "Row" }, { label: "Column" }, { label: "Problem" }]} />
          <tbody className="divide-y divide-border">
            {data.map((e, i) => (
              <tr key={i} data-testid="import-error">
                <td className="px-4 py-2 tabular">{e.row}</td>
                <td className="px-4 py-2">{e.column ?? "—"}</td>
                <td className="px-4 py-2">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function DryRunStep({ status, options, onChanged }: { status: Status; options: WizardOptions; onChanged: () => void }) {
  const imp = status.import;
  const p = imp.preview ?? { sample: [], dateAmbiguous: false };
  const [references, setReferences] = useState<Record<string, Record<string, string>>>(imp.settings.references as Record<string, Record<string, string>>);
  const configure = useAction(configureImportAction, { refresh: false, onSuccess: onChanged });
  const start = useAction(startImportAction, { refresh: false, onSuccess: onChanged });
  const unknown = Object.entries(p.unknown ?? {}).filter(([kind, names]) => names.length && options.targets[kind]);
  const valid = (p.wouldCreate ?? 0) + (p.wouldUpdate ?? 0);
  async function recheck() {
    const saved = await configure.run({ id: imp.id, settings: { references } });
    if (saved.ok) await start.run({ id: imp.id, dryRun: true });
  }
  return (
    <Card
      title="Dry run"
      description={`${valid} row${valid === 1 ? "" : "s"} will be saved (${p.wouldCreate ?? 0} new, ${p.wouldUpdate ?? 0} updated${p.accountsToCreate ? `, ${p.accountsToCreate} new accounts` : ""}); ${imp.failedCount} will be rejected. Nothing has been saved yet.`}
      actions={
        <>
          <Button onClick={() => configure.run({ id: imp.id, settings: {} })}>Back to mapping</Button>
          <Button variant="primary" disabled={!valid || start.pending} onClick={() => start.run({ id: imp.id, dryRun: false })}>Import {valid} row{valid === 1 ? "" : "s"}</Button>
        </>
      }
    >
      {unknown.length ? (
        <div className="space-y-3 border-b border-border p-5">
          <h3 className="text-sm font-semibold">Names the CRM does not know</h3>
          {unknown.map(([kind, names]) => (
            <fieldset key={kind} className="space-y-2">
              <legend className="text-xs font-medium text-muted">{REFERENCE_NAMES[kind] ?? kind}</legend>
              {names.map((name) => (
                <div key={name} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="min-w-32 font-medium">{name}</span>→
                  <select aria-label={`Map ${name} to`} className={inputClass(false, true)} value={references[kind]?.[name.trim().toLowerCase()] ?? ""} onChange={(e) => setReferences((r) => ({ ...r, [kind]: { ...r[kind], [name.trim().toLowerCase()]: e.target.value } }))}>
                    <option value="">Leave the rows rejected</option>
                    {options.targets[kind].map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
                  </select>
                </div>
              ))}
            </fieldset>
          ))}
          <Button onClick={recheck} disabled={configure.pending || start.pending}>Check again with these</Button>
        </div>
      ) : null}
      {p.rows?.length ? (
        <div className="overflow-x-auto border-b border-border">
          <table className="w-full text-sm" aria-label="The first rows as they will be saved">
            <TableHead columns={[{ label: "Row" }, { label: "Action" }, ...Object.keys(p.rows[0].values).map((label) => ({ label }))]} />
            <tbody className="divide-y divide-border">
              {p.rows.map((r) => (
                <tr key={r.row}>
                  <td className="px-4 py-2 tabular">{r.row}</td>
                  <td className="px-4 py-2"><Pill tone={r.action === "create" ? "success" : "accent"}>{r.action}</Pill></td>
                  {Object.keys(p.rows![0].values).map((k) => <td key={k} className="max-w-48 truncate px-4 py-2">{r.values[k] ?? ""}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ErrorList status={status} />
    </Card>
  );
}

function ProgressStep({ imp }: { imp: ImportDto }) {
  const total = imp.totalRows || 1;
  const percent = Math.min(100, Math.round((imp.processedRows / total) * 100));
  const verb = imp.status === "VALIDATING" ? "Checking" : imp.status === "UNDOING" ? "Undoing" : imp.status === "QUEUED" ? "Waiting to start" : "Importing";
  return (
    <Card title={`${verb} ${imp.fileName}`} description="This runs in the background: you can leave this page and come back.">
      <div className="space-y-3 p-5">
        <div role="progressbar" aria-label="Import progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-3 overflow-hidden rounded-full bg-surface-muted">
          <div className="h-full rounded-full bg-accent transition-all" style={{ width: `${percent}%` }} />
        </div>
        <p className="text-sm tabular" aria-live="polite">
          {imp.processedRows.toLocaleString("en")} of {imp.totalRows.toLocaleString("en")} rows done · {imp.failedCount} failed
          {imp.secondsLeft !== null ? ` · about ${imp.secondsLeft < 60 ? `${imp.secondsLeft} s` : `${Math.ceil(imp.secondsLeft / 60)} min`} left` : ""}
        </p>
      </div>
    </Card>
  );
}

function DoneStep({ status, onChanged }: { status: Status; onChanged: () => void }) {
  const imp = status.import;
  const undo = useAction(undoImportAction, { refresh: false, onSuccess: onChanged, success: "Undo started" });
  const title = imp.status === "UNDONE" ? "Import undone" : imp.status === "FAILED" ? "Import stopped" : "Import finished";
  return (
    <Card
      title={title}
      description={`${imp.createdCount} created, ${imp.updatedCount} updated, ${imp.failedCount} rejected`}
      actions={
        <>
          {imp.entity === "opportunity" && imp.status === "DONE" ? <Link className={buttonClass("secondary")} href="/board">Open the board</Link> : null}
          {imp.undoUntil && imp.status !== "UNDONE" ? (
            <Button variant="dangerGhost" disabled={undo.pending} onClick={() => { if (window.confirm("Undo this import? Records it created are deleted; records it updated get their previous values back.")) void undo.run({ id: imp.id }); }}>Undo import</Button>
          ) : null}
        </>
      }
    >
      {imp.error ? <p role="alert" className="px-5 py-3 text-sm text-danger">{imp.error}</p> : null}
      {imp.status === "DONE" ? <p className="px-5 py-3 text-sm text-muted" data-testid="import-done">Done: the records are saved. Undo is possible until {imp.undoUntil?.slice(0, 10)}.</p> : null}
      <ErrorList status={status} />
    </Card>
  );
}
