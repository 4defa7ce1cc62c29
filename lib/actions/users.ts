"use server";

import { serverAction } from "@/lib/server/action";
import { changeRole, createUser, reassignOpportunities, resetPassword, setUserActive } from "@/lib/server/users/manage";
import { reassignSchema, userActiveSchema, userCreateSchema, userIdSchema, userRoleSchema } from "@/lib/validation/users";

export const createUserAction = serverAction(userCreateSchema, (actor, input) => createUser(actor, input));
export const changeRoleAction = serverAction(userRoleSchema, (actor, input) => changeRole(actor, input));
export const setUserActiveAction = serverAction(userActiveSchema, (actor, input) => setUserActive(actor, input));
export const resetPasswordAction = serverAction(userIdSchema, (actor, input) => resetPassword(actor, input));
export const reassignAction = serverAction(reassignSchema, (actor, input) => reassignOpportunities(actor, input));
