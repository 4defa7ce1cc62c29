"use client";

// Runs a settings server action from a client component: a toast on success
// or failure, a refresh so the server-rendered page shows the change, and the
// field errors for the form that called it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/server/action";

export function useSettingsAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function run<T>(call: () => Promise<ActionResult<T>>, success?: string | ((data: T) => string)): Promise<ActionResult<T>> {
    setFieldErrors({});
    const result = await call();
    if (result.ok) {
      if (success) toast.success(typeof success === "string" ? success : success(result.data));
      startTransition(() => router.refresh());
    } else {
      setFieldErrors(result.error.fields ?? {});
      toast.error(result.error.message);
    }
    return result;
  }

  return { run, pending, fieldErrors, clearErrors: () => setFieldErrors({}) };
}
