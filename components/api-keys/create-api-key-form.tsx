"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Check, Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formFields, useAction } from "@/components/ui/use-action";
import { createApiKeyAction } from "@/lib/actions/api-keys";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/validation/api-keys";

export function CreateApiKeyForm() {
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });

  const create = useAction(createApiKeyAction, {
    // The name's error is shown beside it; only an error without fields needs the toast.
    form: formFields(form.setError, (path) => path === "name"),
    failure: (error) => (error.fields ? null : error.message),
    onSuccess: (created) => {
      setSecret(created.secret);
      setCopied(false);
      form.reset();
    },
  });
  const onSubmit = form.handleSubmit(async (values) => void (await create.run(values)));

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
            className={inputClass(!!form.formState.errors.name)}
          />
          <p id="key-name-error" className="mt-1 text-xs text-danger">
            {form.formState.errors.name?.message}
          </p>
        </div>
        <Button type="submit" variant="primary" disabled={form.formState.isSubmitting || create.pending}>
          <KeyRound className="size-4" aria-hidden="true" />
          Create key
        </Button>
      </form>
      {secret ? (
        <div role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
          <p className="text-sm font-semibold text-amber-900 dark:text-amber-200">Copy your new key now. It will not be shown again.</p>
          <div className="mt-3 flex items-center gap-2">
            <code data-testid="new-api-key" className="flex-1 overflow-x-auto rounded-md bg-white px-3 py-2 font-mono text-sm dark:bg-black/40">
              {secret}
            </code>
            <Button
              onClick={async () => {
                await navigator.clipboard?.writeText(secret).catch(() => {});
                setCopied(true);
              }}
            >
              {copied ? <Check className="size-4 text-success" aria-hidden="true" /> : <Copy className="size-4" aria-hidden="true" />}
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
