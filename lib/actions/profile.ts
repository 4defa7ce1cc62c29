"use server";
// Server actions of /profile: the signed-in user's own name, password, notification preferences and sessions.
import { headers } from "next/headers";
import { clientAddress } from "@/lib/api/forwarded";
import { serverAction } from "@/lib/server/action";
import { endOtherSessions, endOwnSession } from "@/lib/server/sessions/manage";
import { changeOwnPassword, updateOwnName, updateOwnNotificationPrefs } from "@/lib/server/users/profile";
import { changePasswordSchema, notificationPrefsSchema, otherSessionsSchema, profileNameSchema, sessionIdSchema } from "@/lib/validation/profile";

export const updateProfileNameAction = serverAction(profileNameSchema, (actor, input) => updateOwnName(actor, input));
// The current-password check is throttled per address like sign-in, so the action passes the caller's.
export const changePasswordAction = serverAction(changePasswordSchema, async (actor, input) => changeOwnPassword(actor, input, clientAddress(await headers())));
export const updateNotificationPrefsAction = serverAction(notificationPrefsSchema, (actor, input) => updateOwnNotificationPrefs(actor, input));
export const endSessionAction = serverAction(sessionIdSchema, (actor, input) => endOwnSession(actor, input));
export const endOtherSessionsAction = serverAction(otherSessionsSchema, (actor) => endOtherSessions(actor));
