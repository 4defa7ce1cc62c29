"use server";

import { serverAction } from "@/lib/server/action";
import { changeRole, createUser, reassignOpportunities, resetPassword, setUserActive } from "@/lib/server/settings/users";
import { reassignSchema, userActiveSchema, userCreateSchema, userIdSchema, userRoleSchema } from "@/lib/validation/settings-users";

export const createUserAction = serverAction(userCreateSchema, createUser);
export const changeRoleAction = serverAction(userRoleSchema, changeRole);
export const setUserActiveAction = serverAction(userActiveSchema, setUserActive);
export const resetPasswordAction = serverAction(userIdSchema, resetPassword);
export const reassignAction = serverAction(reassignSchema, reassignOpportunities);
