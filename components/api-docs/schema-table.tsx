// Renders a JSON Schema object (from the generated OpenAPI document) as a
// readable field table: name, type, required, constraints and description.
type Schema = Record<string, unknown>;

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  const ref = schema.$ref as string | undefined;
  return ref ? (components[ref.split("/").pop()!] ?? {}) : schema;
}

export function typeLabel(schema: Schema, components: Record<string, Schema>): string {
  if (schema.$ref) return (schema.$ref as string).split("/").pop()!;
  if (schema.anyOf) return (schema.anyOf as Schema[]).map((s) => typeLabel(s, components)).join(" | ");
  if (schema.enum) return (schema.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (schema.type === "array") return `array of ${typeLabel((schema.items as Schema) ?? {}, components)}`;
  const format = schema.format ? ` (${schema.format})` : "";
  return `${schema.type ?? "any"}${format}`;
}

function constraints(schema: Schema): string {
  const parts: string[] = [];
  if (schema.minLength !== undefined) parts.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined && Math.abs(schema.minimum as number) < 1e15) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined && Math.abs(schema.maximum as number) < 1e15) parts.push(`≤ ${schema.maximum}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.pattern && !schema.format) parts.push(`pattern ${schema.pattern}`);
  return parts.join(", ");
}

export function SchemaTable({ schema, components }: { schema: Schema; components: Record<string, Schema> }) {
  const resolved = resolve(schema, components);
  const properties = resolved.properties as Record<string, Schema> | undefined;
  if (!properties) return <p className="font-mono text-xs text-muted">{typeLabel(schema, components)}</p>;
  const required = new Set((resolved.required as string[]) ?? []);
  return (
    <table className="w-full table-fixed text-left text-xs">
      <tbody className="divide-y divide-border">
        {Object.entries(properties).map(([name, property]) => (
          <tr key={name} className="align-top">
            <td className="w-2/5 break-all py-1.5 pr-3 font-mono font-medium sm:w-48">
              {name}
              {required.has(name) ? <span className="ml-1 text-danger">*</span> : null}
            </td>
            <td className="break-all py-1.5 pr-3 font-mono text-muted">{typeLabel(property, components)}</td>
            <td className="break-words py-1.5 text-muted">
              {[property.description as string | undefined, constraints(property)].filter(Boolean).join(" · ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
