// Inputs of the signed-in user's own profile (/profile): their name, their
// password, their notification preferences and their sessions.
import { z } from "zod";
import { idSchema, nameSchema } from "./common-fields";
import { passwordSchema } from "./users";

export const profileNameSchema = z.strictObject({ name: nameSchema });

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, "Enter your current password").max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.confirmPassword === v.newPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "Choose a password other than the current one" });

export const notificationPrefsSchema = z.strictObject({
  emailNotifications: z.boolean({ error: "Choose whether to get notifications by e-mail" }),
});

export const sessionIdSchema = z.strictObject({ id: idSchema });
/** "Sign out of all other sessions" takes nothing; an empty object keeps the action's input checked. */
export const otherSessionsSchema = z.strictObject({});

export type ProfileNameInput = z.infer<typeof profileNameSchema>;
export type NotificationPrefsInput = z.infer<typeof notificationPrefsSchema>;
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
