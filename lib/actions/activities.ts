"use server";
// Server actions for activities and notes (the record pages' sections).
import { serverAction } from "@/lib/server/action";
import { createActivity, deleteActivity, updateActivity } from "@/lib/server/activities/write";
import { createNote, deleteNote, updateNote } from "@/lib/server/notes/write";
import { activityCreateSchema, activityIdActionSchema, activityUpdateActionSchema } from "@/lib/validation/activity";
import { noteCreateSchema, noteIdActionSchema, noteUpdateActionSchema } from "@/lib/validation/note";

export const createActivityAction = serverAction(activityCreateSchema, (actor, input) => createActivity(actor, input));
export const updateActivityAction = serverAction(activityUpdateActionSchema, (actor, input) => updateActivity(actor, input.id, input.changes, input.version));
export const deleteActivityAction = serverAction(activityIdActionSchema, (actor, input) => deleteActivity(actor, input.id));
export const createNoteAction = serverAction(noteCreateSchema, (actor, input) => createNote(actor, input));
export const updateNoteAction = serverAction(noteUpdateActionSchema, (actor, input) => updateNote(actor, input.id, input.changes));
export const deleteNoteAction = serverAction(noteIdActionSchema, (actor, input) => deleteNote(actor, input.id));
