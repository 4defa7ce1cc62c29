"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, fieldAria, inputClass } from "@/components/ui/field";
import { formFields, useAction } from "@/components/ui/use-action";
import { updateProfileNameAction } from "@/lib/actions/profile";
import { profileNameSchema, type ProfileNameInput } from "@/lib/validation/profile";

/** The user's name (editable), their email and role (set by an admin). */
export function NameForm({ name, email, role }: { name: string; email: string; role: string }) {
  const form = useForm<ProfileNameInput>({ resolver: zodResolver(profileNameSchema), defaultValues: { name } });
  const save = useAction(updateProfileNameAction, {
    success: "Name saved",
    form: formFields(form.setError, (path) => path === "name"),
    onSuccess: (data) => form.reset(data),
  });
  const error = form.formState.errors.name?.message;
  return (
    <form onSubmit={form.handleSubmit((values) => save.run(values))} noValidate className="space-y-4">
      <Field id="profile-name" label="Name" error={error} hint="Shown to your team on deals, activities and the board.">
        <input {...fieldAria("profile-name", error)} {...form.register("name")} autoComplete="name" maxLength={80} className={inputClass(!!error)} />
      </Field>
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">Email</dt>
          <dd className="mt-1 truncate text-muted">{email}</dd>
        </div>
        <div>
          <dt className="font-medium">Role</dt>
          <dd className="mt-1 text-muted">{role}</dd>
        </div>
      </dl>
      <p className="text-xs text-muted">Your email and role are managed by an administrator.</p>
      <div className="flex justify-end">
        <Button type="submit" variant="primary" disabled={save.pending || !form.formState.isDirty}>
          {save.pending ? "Saving…" : "Save name"}
        </Button>
      </div>
    </form>
  );
}
