import { Field, inputClass } from "./field";

/** A labelled select whose first entry asks for a choice ("Choose a stage…"). */
export function SelectField({ id, label, error, placeholder, value, onChange, options }: {
  id: string;
  label: string;
  error?: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string; disabled?: boolean }[];
}) {
  return (
    <Field id={id} label={label} error={error}>
      <select id={id} className={inputClass()} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error}>
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>{o.label}</option>
        ))}
      </select>
    </Field>
  );
}
