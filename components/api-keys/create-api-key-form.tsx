"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Check, Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { createApiKeyAction } from "@/app/(app)/settings/api-keys/actions";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/validation/api-keys";

export function CreateApiKeyForm() {
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createApiKeyAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {})) form.setError(field as "name", { message });
      if (!result.error.fields) toast.error(result.error.message);
      return;
    }
    setSecret(result.data.secret);
    setCopied(false);
    form.reset();
  });

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} className="flex flex-wrap items-start gap-3" noValidate>
        <div className="min-w-64 flex-1">
          <label htmlFor="key-name" className="sr-only">
            Key name
          </label>
          <input
            id="key-name"
            placeholder="What is this key for? e.g. ERP sync"
            {...form.register("name")}
            aria-invalid={!!form.formState.errors.name}
            aria-describedby="key-name-error"
            className="block w-full rounded-lg border border-border bg-surface px-3 py-2 text-sm shadow-sm outline-none focus:border-accent focus:ring-2 focus:ring-accent/20 aria-[invalid=true]:border-danger"
          />
          <p id="key-name-error" className="mt-1 text-xs text-danger">
            {form.formState.errors.name?.message}
          </p>
        </div>
        <button
          type="submit"
          disabled={form.formState.isSubmitting}
          className="inline-flex items-center gap-2 rounded-lg bg-accent px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:brightness-110 disabled:opacity-60"
        >
          <KeyRound className="size-4" aria-hidden="true" />
          Create key
        </button>
      </form>
      {secret ? (
        <div role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
          <p className="text-sm font-semibold text-amber-900 dark:text-amber-200">Copy your new key now. It will not be shown again.</p>
          <div className="mt-3 flex items-center gap-2">
            <code data-testid="new-api-key" className="flex-1 overflow-x-auto rounded-md bg-white px-3 py-2 font-mono text-sm dark:bg-black/40">
              {secret}
            </code>
            <button
              type="button"
              onClick={async () => {
                await navigator.clipboard?.writeText(secret).catch(() => {});
                setCopied(true);
              }}
              className="inline-flex items-center gap-1.5 rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-muted"
            >
              {copied ? <Check className="size-4 text-success" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
