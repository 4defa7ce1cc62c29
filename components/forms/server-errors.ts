// Puts a server action's field errors beside their fields (the server
// re-validates everything), without touching what the user typed.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { toast } from "sonner";

export interface ActionError {
  code: string;
  message: string;
  fields?: Record<string, string>;
}

export function applyServerErrors<T extends FieldValues>(error: ActionError, setError: UseFormSetError<T>, known: (path: string) => boolean): void {
  const unplaced: string[] = [];
  let first = true;
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    if (known(path)) {
      setError(path as Path<T>, { type: "server", message }, { shouldFocus: first });
      first = false;
    } else unplaced.push(message);
  }
  toast.error(unplaced.length ? `${error.message}: ${unplaced.join("; ")}` : error.message);
}
