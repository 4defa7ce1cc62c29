"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, inputClass } from "@/components/ui/field";
import { formFields, useAction } from "@/components/ui/use-action";
import { changePasswordAction } from "@/lib/actions/profile";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/profile";

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;
const EMPTY: ChangePasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };
const others = (n: number) => (n === 0 ? "No other session was signed in." : n === 1 ? "Your other session was signed out." : `Your ${n} other sessions were signed out.`);

export function PasswordForm() {
  const form = useForm<ChangePasswordInput>({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });
  const change = useAction(changePasswordAction, {
    success: (data) => `Password changed. ${others(data.endedSessions)}`,
    form: formFields(form.setError, (path) => (FIELDS as readonly string[]).includes(path)),
    onSuccess: () => form.reset(EMPTY),
  });
  const errors = form.formState.errors;
  const input = (name: (typeof FIELDS)[number], autoComplete: string) => (
    <input type="password" {...fieldAria(`profile-${name}`, errors[name]?.message)} {...form.register(name)} autoComplete={autoComplete} className={inputClass(!!errors[name])} />
  );
  return (
    <form onSubmit={form.handleSubmit((values) => change.run(values))} noValidate className="space-y-4">
      <Field id="profile-currentPassword" label="Current password" error={errors.currentPassword?.message}>
        {input("currentPassword", "current-password")}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="profile-newPassword" label="New password" error={errors.newPassword?.message} hint="At least 10 characters.">
          {input("newPassword", "new-password")}
        </Field>
        <Field id="profile-confirmPassword" label="Repeat the new password" error={errors.confirmPassword?.message}>
          {input("confirmPassword", "new-password")}
        </Field>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-xs text-muted">Changing it signs you out everywhere else; this browser stays signed in.</p>
        <Button type="submit" variant="primary" disabled={change.pending}>
          {change.pending ? "Changing…" : "Change password"}
        </Button>
      </div>
    </form>
  );
}
