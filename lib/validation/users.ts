// Inputs of user administration.
import { z } from "zod";
import { idSchema, nameSchema } from "./common-fields";

export const roleSchema = z.enum(["ADMIN", "MANAGER", "SALES"]);
export const passwordSchema = z.string().min(10, "At least 10 characters").max(200, "At most 200 characters");

export const userCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email("Enter a valid email").max(200),
  name: nameSchema,
  role: roleSchema,
  /** Empty: the server generates one, shown once. */
  password: z.union([z.literal(""), passwordSchema]).default(""),
});
export const userRoleSchema = z.strictObject({ id: idSchema, role: roleSchema });
export const userActiveSchema = z.strictObject({ id: idSchema, active: z.boolean() });
export const userIdSchema = z.strictObject({ id: idSchema });
export const reassignSchema = z.strictObject({
  fromUserId: idSchema,
  toUserId: idSchema,
  onlyOpen: z.boolean().default(true),
});

export type UserCreateInput = z.input<typeof userCreateSchema>;
