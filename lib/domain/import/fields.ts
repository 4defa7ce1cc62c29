// What an import can fill in, per entity, and how a column header suggests
// a field. The synonyms include the headers of the exports of Pipedrive
// ("Deal - Title", "Organization - Name", "Person - Email"), HubSpot ("Deal
// Name", "Deal Stage", "Close Date", "Associated Company", "Record ID") and
// Salesforce ("Opportunity Name", "Account Name", "Stage", "Amount",
// "Close Date", "Probability (%)"), and the headers of our own exports, so
// that an exported file imports back without manual mapping.

export const IMPORT_ENTITIES = ["opportunity", "account", "contact"] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export type FieldKind = "text" | "number" | "money" | "integer" | "percent" | "date" | "boolean" | "labels" | "currency" | "reference";

/** What a reference column names, resolved by the import service. */
export type ReferenceKind = "pipeline" | "stage" | "user" | "account" | "contact" | "source" | "type" | "lostReason";

export interface ImportField {
  key: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  reference?: ReferenceKind;
  /** Accepted on import only: dates of imported history (created, stage entered, won/lost). */
  historical?: boolean;
  synonyms: readonly string[];
}

const f = (key: string, label: string, kind: FieldKind, synonyms: string[], extra: Partial<ImportField> = {}): ImportField => ({ key, label, kind, synonyms, ...extra });

export const OPPORTUNITY_FIELDS: readonly ImportField[] = [
  f("title", "Title", "text", ["name", "deal", "deal title", "deal - title", "deal name", "opportunity", "opportunity name", "subject"], { required: true }),
  f("externalId", "External id", "text", ["external id", "externalid", "deal - id", "record id", "opportunity id", "deal id", "opportunity id 18"]),
  f("description", "Description", "text", ["description", "deal description", "notes", "deal - notes"]),
  f("pipeline", "Pipeline", "reference", ["pipeline", "deal - pipeline", "pipeline name"], { reference: "pipeline" }),
  f("stage", "Stage", "reference", ["stage", "deal stage", "deal - stage", "stage name", "opportunity stage"], { reference: "stage", required: true }),
  f("amount", "Amount", "money", ["amount", "value", "deal value", "deal - value", "deal amount", "opportunity amount", "total"]),
  f("currency", "Currency", "currency", ["currency", "deal - currency", "currency code", "opportunity currency", "currency iso code", "deal currency code"]),
  f("recurringAmount", "Monthly recurring amount", "money", ["recurring amount", "recurringamount", "mrr", "monthly recurring revenue", "annual contract value"]),
  f("contractMonths", "Contract months", "integer", ["contract months", "contractmonths", "contract term", "term (months)"]),
  f("probability", "Probability", "percent", ["probability", "probability (%)", "deal - probability", "deal probability", "win probability"]),
  f("expectedCloseDate", "Expected close date", "date", ["expected close date", "close date", "deal - expected close date", "expectedclosedate", "closing date"]),
  f("owner", "Owner", "reference", ["owner", "deal owner", "deal - owner", "opportunity owner", "owner email", "owner name", "assigned to", "deal - owner email"], { reference: "user" }),
  f("account", "Account", "reference", ["account", "account name", "company", "company name", "organization", "organisation", "deal - organization", "organization - name", "associated company", "customer"], { reference: "account" }),
  f("contact", "Contact (e-mail)", "reference", ["contact", "contact email", "primary contact", "deal - contact person", "person - email", "associated contact", "contact e-mail"], { reference: "contact" }),
  f("source", "Source", "reference", ["source", "lead source", "deal - source", "deal source", "original source"], { reference: "source" }),
  f("type", "Type", "reference", ["type", "deal type", "opportunity type", "deal - type"], { reference: "type" }),
  f("labels", "Labels", "labels", ["labels", "label", "deal - label", "tags"]),
  f("rating", "Rating", "integer", ["rating", "stars"]),
  f("isPrivate", "Private", "boolean", ["private", "is private", "isprivate", "deal - visible to"]),
  f("lostReason", "Lost reason", "reference", ["lost reason", "deal - lost reason", "closed lost reason", "loss reason", "reason lost"], { reference: "lostReason" }),
  f("lostNote", "Lost note", "text", ["lost note", "lost comment", "closed lost note"]),
  f("competitor", "Competitor", "text", ["competitor", "competitors", "main competitor"]),
  f("utmSource", "UTM source", "text", ["utm source", "utm_source", "utmsource"]),
  f("utmMedium", "UTM medium", "text", ["utm medium", "utm_medium", "utmmedium"]),
  f("utmCampaign", "UTM campaign", "text", ["utm campaign", "utm_campaign", "utmcampaign", "campaign", "primary campaign source"]),
  f("utmContent", "UTM content", "text", ["utm content", "utm_content", "utmcontent"]),
  f("createdAt", "Created on (history)", "date", ["created", "created at", "createdat", "create date", "created date", "deal - deal created", "deal created", "date created"], { historical: true }),
  f("stageEnteredAt", "Entered its stage on (history)", "date", ["stage entered", "stage changed at", "stagechangedat", "deal - last stage change", "last stage change date", "date entered current stage", "last stage change"], { historical: true }),
  f("closedAt", "Won or lost on (history)", "date", ["actual close date", "actualclosedate", "closed date", "closed at", "deal - won time", "deal - lost time", "deal - close time", "won time", "lost time", "close time"], { historical: true }),
];

export const ACCOUNT_FIELDS: readonly ImportField[] = [
  f("name", "Name", "text", ["name", "account", "account name", "company", "company name", "organization", "organisation", "organization - name", "organization name"], { required: true }),
  f("externalId", "External id", "text", ["external id", "externalid", "organization - id", "record id", "account id", "company id"]),
  f("industry", "Industry", "text", ["industry", "organization - industry", "sector"]),
  f("segment", "Segment", "text", ["segment", "market segment", "customer segment", "account type"]),
  f("territory", "Territory", "text", ["territory", "region", "sales territory"]),
  f("website", "Website", "text", ["website", "web site", "website url", "domain", "company domain name", "organization - website", "url"]),
  f("phone", "Phone", "text", ["phone", "phone number", "organization - phone", "main phone"]),
  f("city", "City", "text", ["city", "billing city", "organization - city", "town"]),
  f("country", "Country", "text", ["country", "billing country", "organization - country", "country/region"]),
  f("employees", "Employees", "integer", ["employees", "number of employees", "employee count", "organization - employees", "headcount"]),
  f("annualRevenue", "Annual revenue", "money", ["annual revenue", "annualrevenue", "revenue", "organization - annual revenue"]),
  f("owner", "Owner", "reference", ["owner", "account owner", "company owner", "organization - owner", "owner email"], { reference: "user" }),
];

export const CONTACT_FIELDS: readonly ImportField[] = [
  f("firstName", "First name", "text", ["first name", "firstname", "given name", "person - first name", "first"], { required: true }),
  f("lastName", "Last name", "text", ["last name", "lastname", "surname", "family name", "person - last name", "last"], { required: true }),
  f("externalId", "External id", "text", ["external id", "externalid", "person - id", "record id", "contact id"]),
  f("email", "E-mail", "text", ["email", "e-mail", "email address", "person - email", "e-mail address", "work email"]),
  f("phone", "Phone", "text", ["phone", "phone number", "person - phone", "mobile", "mobile phone", "business phone"]),
  f("jobTitle", "Job title", "text", ["job title", "jobtitle", "title", "position", "person - job title", "role"]),
  f("account", "Account", "reference", ["account", "account name", "company", "company name", "organization", "person - organization", "associated company", "organisation"], { reference: "account" }),
];

export function fieldsOf(entity: ImportEntity): readonly ImportField[] {
  return entity === "opportunity" ? OPPORTUNITY_FIELDS : entity === "account" ? ACCOUNT_FIELDS : CONTACT_FIELDS;
}

/** A custom field definition as the import sees it (opportunities only). */
export interface CustomFieldInfo {
  key: string;
  label: string;
  type: "TEXT" | "TEXTAREA" | "NUMBER" | "SELECT" | "CHECKBOX" | "DATE";
  required: boolean;
}

export const CUSTOM_PREFIX = "custom:";

export function customImportFields(definitions: readonly CustomFieldInfo[]): ImportField[] {
  return definitions.map((d) => {
    const kind: FieldKind = d.type === "NUMBER" ? "number" : d.type === "CHECKBOX" ? "boolean" : d.type === "DATE" ? "date" : "text";
    return f(`${CUSTOM_PREFIX}${d.key}`, d.label, kind, [d.key, d.label]);
  });
}

/** Lower case, accents and punctuation gone: "Probability (%)" and "probability" compare equal. */
export function normalizeHeader(header: string): string {
  return header.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** Pipedrive prefixes the entity: "Deal - Value". The part after it is tried too, for the file's own entity. */
const ENTITY_PREFIX: Record<ImportEntity, RegExp> = {
  opportunity: /^\s*(deal|opportunity)\s*-\s*(.+)$/i,
  account: /^\s*(organization|organisation|company|account)\s*-\s*(.+)$/i,
  contact: /^\s*(person|contact)\s*-\s*(.+)$/i,
};

/** A mapping: for each column (by index), the field key it fills, or null to skip it. */
export type ColumnMapping = (string | null)[];

/**
 * The suggested field of each header: an exact synonym first, then the part
 * after the file's entity prefix; each field goes to one column at most
 * (the first that names it); the others are skipped.
 */
export function suggestMapping(entity: ImportEntity, headers: readonly string[], custom: readonly CustomFieldInfo[] = []): ColumnMapping {
  const fields = [...fieldsOf(entity), ...(entity === "opportunity" ? customImportFields(custom) : [])];
  const bySynonym = new Map<string, string>();
  for (const field of fields) {
    for (const name of [field.key, field.label, ...field.synonyms]) {
      const n = normalizeHeader(name);
      if (n && !bySynonym.has(n)) bySynonym.set(n, field.key);
    }
  }
  const taken = new Set<string>();
  const pick = (candidate: string | undefined) => (candidate && !taken.has(candidate) ? candidate : null);
  // Exact names first, so that a prefixed "Deal - Value" never takes the place of a column named "Amount".
  const firstPass = headers.map((h) => {
    const key = pick(bySynonym.get(normalizeHeader(h)));
    if (key) taken.add(key);
    return key;
  });
  return headers.map((h, i) => {
    if (firstPass[i]) return firstPass[i];
    const prefixed = ENTITY_PREFIX[entity].exec(h);
    const key = prefixed ? pick(bySynonym.get(normalizeHeader(prefixed[2]))) : null;
    if (key) taken.add(key);
    return key;
  });
}

/** Problems of a mapping: unknown fields, a field on two columns, required fields missing. */
export function mappingProblems(entity: ImportEntity, mapping: ColumnMapping, custom: readonly CustomFieldInfo[] = [], matchOnly = false): string[] {
  const fields = new Map([...fieldsOf(entity), ...(entity === "opportunity" ? customImportFields(custom) : [])].map((x) => [x.key, x]));
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const key of mapping) {
    if (key === null) continue;
    if (!fields.has(key)) problems.push(`Unknown field ${key}`);
    else if (seen.has(key)) problems.push(`${fields.get(key)!.label} is mapped to two columns`);
    seen.add(key);
  }
  if (!matchOnly) {
    for (const field of fields.values()) if (field.required && !seen.has(field.key)) problems.push(`Map a column to ${field.label}`);
  }
  return problems;
}
