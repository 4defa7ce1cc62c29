// The details section: every field that is not in the header.
import Link from "next/link";
import { Lock } from "lucide-react";
import { LabelChip } from "@/components/ui/label-chip";
import { formatMoney } from "@/lib/domain/money";
import type { OpportunityDetail } from "@/lib/server/opportunities/read/detail";
import { formatDate, formatTimestamp } from "../format";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-3 py-2 text-sm">
      <dt className="text-muted">{label}</dt>
      <dd className="col-span-2 min-w-0 break-words">{children ?? "—"}</dd>
    </div>
  );
}

export function DetailsPanel({ detail }: { detail: OpportunityDetail }) {
  const o = detail.opportunity;
  const custom = detail.customFields.filter((d) => o.customFields[d.key] !== undefined);
  const utm = [o.utmSource, o.utmMedium, o.utmCampaign, o.utmContent].some(Boolean);
  return (
    <dl className="divide-y divide-border">
      <Row label="Pipeline">{detail.pipelineName}</Row>
      <Row label="Account">{detail.account ? <Link className="text-accent hover:underline" href={`/accounts/${detail.account.id}`}>{detail.account.name}</Link> : null}</Row>
      {o.description ? <Row label="Description"><span className="whitespace-pre-line">{o.description}</span></Row> : null}
      <Row label="Currency">
        {o.currency}
        {o.currency !== detail.baseCurrency ? <span className="text-muted"> · rate {o.exchangeRate} · {formatMoney(o.baseAmount, detail.baseCurrency)} base</span> : null}
      </Row>
      {o.contractMonths ? <Row label="Contract">{o.contractMonths} months</Row> : null}
      <Row label="Forecast">{o.forecastCategory.replace("_", " ").toLowerCase()}{o.forecastCategoryOverridden ? " (set by hand)" : ""}</Row>
      <Row label="Members">{detail.memberNames.length ? detail.memberNames.join(", ") : null}</Row>
      <Row label="Source">{detail.sourceName}</Row>
      <Row label="Type">{detail.typeName}</Row>
      <Row label="Labels">
        {detail.labels.length ? (
          <span className="flex flex-wrap gap-1">
            {detail.labels.map((l) => <LabelChip key={l.key} name={l.name} color={l.color} />)}
          </span>
        ) : null}
      </Row>
      <Row label="Rating">{o.rating != null ? `${"★".repeat(o.rating)}${"☆".repeat(5 - o.rating)}` : null}</Row>
      <Row label="Visibility">{o.isPrivate ? <span className="inline-flex items-center gap-1"><Lock className="size-3.5" /> Private: owner, members, managers and admins</span> : "Everyone in the team"}</Row>
      {o.status === "LOST" ? (
        <>
          <Row label="Lost reason">{detail.lostReasonName}</Row>
          <Row label="Competitor">{o.competitor}</Row>
          <Row label="Lost note">{o.lostNote}</Row>
        </>
      ) : null}
      {custom.map((d) => (
        <Row key={d.key} label={d.label}>{typeof o.customFields[d.key] === "boolean" ? (o.customFields[d.key] ? "Yes" : "No") : d.type === "DATE" ? formatDate(String(o.customFields[d.key])) : String(o.customFields[d.key])}</Row>
      ))}
      {utm ? <Row label="Campaign">{[o.utmSource, o.utmMedium, o.utmCampaign, o.utmContent].filter(Boolean).join(" / ")}</Row> : null}
      {o.externalId ? <Row label="External id"><code className="text-xs">{o.externalId}</code></Row> : null}
      <Row label="Created">{formatTimestamp(o.createdAt)}{detail.createdByName ? ` by ${detail.createdByName}` : ""}</Row>
    </dl>
  );
}
