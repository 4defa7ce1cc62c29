"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { createUserAction } from "@/lib/actions/users";
import { userCreateSchema, type UserCreateInput } from "@/lib/validation/users";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

export function NewUserDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (email: string, password: string) => void }) {
  const { run, fieldErrors } = useAction(createUserAction, { success: (_d, { email }) => `${email} added` });
  const { register, handleSubmit, reset, formState: { errors, isSubmitting } } = useForm<UserCreateInput>({
    resolver: zodResolver(userCreateSchema) as never,
    defaultValues: { email: "", name: "", role: "SALES", password: "" },
  });
  const err = (k: keyof UserCreateInput) => errors[k]?.message ?? fieldErrors[k];
  return (
    <Dialog open={open} onClose={onClose} title="Add a user" description="Leave the password empty to generate one. It is shown once, to hand over.">
      <form
        noValidate
        className="space-y-4"
        onSubmit={handleSubmit(async (values) => {
          const result = await run(values);
          if (result.ok) {
            reset();
            onClose();
            onCreated(result.data.email, result.data.password);
          }
        })}
      >
        <Field id="user-name" label="Name" error={err("name")}>
          <input id="user-name" className={inputClass()} autoFocus aria-invalid={!!err("name")} {...register("name")} />
        </Field>
        <Field id="user-email" label="Email" error={err("email")}>
          <input id="user-email" type="email" className={inputClass()} aria-invalid={!!err("email")} {...register("email")} />
        </Field>
        <Field id="user-role" label="Role" error={err("role")} hint="Sales see public deals and their own; managers see everything; admins also change settings.">
          <select id="user-role" className={inputClass()} {...register("role")}>
            <option value="SALES">Sales</option>
            <option value="MANAGER">Manager</option>
            <option value="ADMIN">Admin</option>
          </select>
        </Field>
        <Field id="user-password" label="Initial password (optional)" error={err("password")}>
          <input id="user-password" type="text" autoComplete="new-password" className={inputClass()} aria-invalid={!!err("password")} {...register("password")} />
        </Field>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={isSubmitting}>Add user</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
