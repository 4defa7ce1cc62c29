// Reads the schema a database really has from PostgreSQL's catalogs, in the
// same shape as expected-schema.ts. Works on PGlite and PostgreSQL alike.
import type { SqlSession } from "@/lib/db/sql-session";
import type { ExpectedColumn, ExpectedSchema } from "./expected-schema";

export interface ActualSchema {
  enums: Record<string, string[]>;
  tables: Record<string, Record<string, { type: string; nullable: boolean; default: string | null }>>;
  indexes: Record<string, string>;
  foreignKeys: Record<string, string>;
}

const ON_DELETE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function actualSchema(sql: SqlSession): Promise<ActualSchema> {
  const result: ActualSchema = { enums: {}, tables: {}, indexes: {}, foreignKeys: {} };
  const enums = await sql.query<{ name: string; labels: string }>(`
    SELECT t.typname AS name, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`);
  for (const e of enums) result.enums[e.name] = e.labels.split(",");

  const columns = await sql.query<{ table: string; column: string; type: string; notnull: boolean; default: string | null }>(`
    SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS default
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped`);
  for (const c of columns) {
    (result.tables[c.table] ??= {})[c.column] = { type: c.type, nullable: !c.notnull, default: c.default };
  }

  const indexes = await sql.query<{ name: string; table: string; unique: boolean; cols: string }>(`
    SELECT ic.relname AS name, tc.relname AS table, ix.indisunique AS unique,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord)
              FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
              -- key columns only: INCLUDE columns are a migration-level refinement Prisma cannot express
              WHERE k.ord <= ix.indnkeyatts) AS cols
    FROM pg_index ix
    JOIN pg_class ic ON ic.oid = ix.indexrelid
    JOIN pg_class tc ON tc.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace
    WHERE n.nspname = 'public'`);
  for (const i of indexes) result.indexes[i.name] = `${i.unique ? "unique " : ""}${i.table}(${i.cols})`;

  const fks = await sql.query<{ name: string; table: string; target: string; cols: string; targetCols: string; ondelete: string }>(`
    SELECT con.conname AS name, tc.relname AS table, rc.relname AS target, con.confdeltype::text AS ondelete,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS cols,
           (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS "targetCols"
    FROM pg_constraint con
    JOIN pg_class tc ON tc.oid = con.conrelid
    JOIN pg_class rc ON rc.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = tc.relnamespace
    WHERE con.contype = 'f' AND n.nspname = 'public'`);
  for (const f of fks) result.foreignKeys[f.name] = `${f.table}(${f.cols}) -> ${f.target}(${f.targetCols}) on delete ${ON_DELETE[f.ondelete]}`;
  return result;
}

/** Every difference between what schema.prisma expects and what the database has, as readable lines. */
export function schemaDifferences(expected: ExpectedSchema, actual: ActualSchema, ignoreTables = ["_prisma_migrations"]): string[] {
  const diffs: string[] = [];
  const compareKeys = (what: string, exp: object, act: object) => {
    for (const k of Object.keys(exp)) if (!(k in act)) diffs.push(`missing ${what} ${k}`);
    for (const k of Object.keys(act)) if (!(k in exp) && !ignoreTables.some((t) => k.startsWith(t))) diffs.push(`unexpected ${what} ${k}`);
  };
  compareKeys("enum", expected.enums, actual.enums);
  for (const [name, values] of Object.entries(expected.enums)) {
    if (actual.enums[name] && actual.enums[name].join(",") !== values.join(",")) diffs.push(`enum ${name}: ${actual.enums[name]} != ${values}`);
  }
  compareKeys("table", expected.tables, actual.tables);
  for (const [table, columns] of Object.entries(expected.tables)) {
    const real = actual.tables[table];
    if (!real) continue;
    compareKeys(`column ${table}.`, columns, real);
    for (const [name, exp] of Object.entries(columns) as [string, ExpectedColumn][]) {
      const act = real[name];
      if (!act) continue;
      if (act.type !== exp.type) diffs.push(`${table}.${name} type ${act.type} != ${exp.type}`);
      if (act.nullable !== exp.nullable) diffs.push(`${table}.${name} nullable ${act.nullable} != ${exp.nullable}`);
      if (exp.defaultContains === null && act.default !== null) diffs.push(`${table}.${name} has default ${act.default}, expected none`);
      if (exp.defaultContains !== null && (act.default === null || !act.default.includes(exp.defaultContains))) {
        diffs.push(`${table}.${name} default ${act.default} does not contain ${exp.defaultContains}`);
      }
    }
  }
  compareKeys("index", expected.indexes, actual.indexes);
  for (const [name, def] of Object.entries(expected.indexes)) {
    if (actual.indexes[name] && actual.indexes[name] !== def) diffs.push(`index ${name}: ${actual.indexes[name]} != ${def}`);
  }
  compareKeys("foreign key", expected.foreignKeys, actual.foreignKeys);
  for (const [name, def] of Object.entries(expected.foreignKeys)) {
    if (actual.foreignKeys[name] && actual.foreignKeys[name] !== def) diffs.push(`foreign key ${name}: ${actual.foreignKeys[name]} != ${def}`);
  }
  return diffs;
}
