import { z } from "zod";
import {
  ACTIVITY_PRIORITIES,
  ACTIVITY_SORT_FIELDS,
  activityApiUpdateSchema,
  activityCreateSchema,
  activityListFilters,
  activityTypeCreateSchema,
  activityTypeUpdateSchema,
} from "@/lib/validation/activity";
import { activeFilter } from "@/lib/validation/common-fields";
import { idParams } from "@/lib/validation/api-common";
import { noteApiUpdateSchema, noteCreateSchema, noteListFilters } from "@/lib/validation/note";
import { endpoint } from "../endpoint";
import { listEnvelope, pagingQuery } from "../pagination";
import { day, deletedSchema, sortQuery, timestamp } from "./wire";

const visibility = "Seen by whoever sees the linked opportunity (everyone when there is none); others get 404.";

export const activityTypeSchema = z
  .object({ id: z.string(), name: z.string(), icon: z.string(), position: z.number().int(), active: z.boolean(), updatedAt: timestamp })
  .meta({ id: "ActivityType" });

export const activitySchema = z
  .object({
    id: z.string(),
    typeId: z.string(),
    type: z.object({ id: z.string(), name: z.string(), icon: z.string() }),
    subject: z.string(),
    note: z.string().nullable(),
    dueDate: day.nullable(),
    dueTime: z.string().nullable().describe("HH:MM (24 h, UTC clock)"),
    durationMinutes: z.number().int().nullable(),
    priority: z.enum(ACTIVITY_PRIORITIES),
    assigneeId: z.string(),
    done: z.boolean(),
    doneAt: timestamp.nullable(),
    doneById: z.string().nullable(),
    opportunityId: z.string().nullable(),
    accountId: z.string().nullable(),
    contactId: z.string().nullable(),
    createdById: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    version: z.number().int().describe("Send it back (or If-Match with the ETag) to update safely"),
  })
  .meta({ id: "Activity" });

export const listActivities = endpoint({
  method: "get",
  path: "/activities",
  tag: "Activities",
  summary: "List activities",
  description: `${visibility} Sorted by due date (none last; date-only before timed ones of the same day) unless sorted otherwise.`,
  auth: "user",
  query: z.strictObject({ ...pagingQuery, ...activityListFilters, sort: sortQuery(ACTIVITY_SORT_FIELDS, "due") }),
  response: listEnvelope(activitySchema),
});

export const getActivity = endpoint({ method: "get", path: "/activities/{id}", tag: "Activities", summary: "Get an activity", description: visibility, auth: "user", params: idParams, response: activitySchema, errors: [404] });

export const createActivity = endpoint({
  method: "post",
  path: "/activities",
  tag: "Activities",
  summary: "Create an activity",
  description:
    "Link it to an opportunity, an account and/or a contact you can see. The assignee defaults to you and must see the opportunity; someone else assigned is notified.",
  auth: "user",
  body: activityCreateSchema,
  response: activitySchema,
  status: 201,
  example: { typeId: "<Call type id>", subject: "Call about the offer", opportunityId: "<opportunity id>", dueDate: "2026-12-08", dueTime: "10:30", durationMinutes: 30 },
});

export const updateActivity = endpoint({
  method: "patch",
  path: "/activities/{id}",
  tag: "Activities",
  summary: "Update an activity",
  description:
    "For its assignee, its creator and whoever may edit the opportunity. Fields not sent stay; null clears one. done: true marks it done (idempotent: a done one stays as it was), false opens it again. Send version or If-Match to refuse stale writes (409).",
  auth: "user",
  params: idParams,
  body: activityApiUpdateSchema,
  response: activitySchema,
  errors: [403, 404, 409],
  example: { done: true },
});

export const deleteActivity = endpoint({
  method: "delete",
  path: "/activities/{id}",
  tag: "Activities",
  summary: "Delete an activity",
  description: "For its assignee, its creator and whoever may edit the opportunity.",
  auth: "user",
  params: idParams,
  response: deletedSchema({}),
  errors: [403, 404, 409],
});

export const listActivityTypes = endpoint({
  method: "get",
  path: "/activity-types",
  tag: "Activities",
  summary: "List activity types",
  description: "In their order; everyone reads them.",
  auth: "user",
  query: z.strictObject({ active: activeFilter }),
  response: z.object({ data: z.array(activityTypeSchema) }),
});

export const createActivityType = endpoint({
  method: "post",
  path: "/activity-types",
  tag: "Activities",
  summary: "Create an activity type",
  description: "Admins only.",
  auth: "user",
  body: activityTypeCreateSchema,
  response: activityTypeSchema,
  status: 201,
  errors: [403, 409],
  example: { name: "Lunch", icon: "coffee" },
});

export const updateActivityType = endpoint({
  method: "patch",
  path: "/activity-types/{id}",
  tag: "Activities",
  summary: "Update an activity type",
  description: "Admins only. Deactivate (active: false) instead of deleting: activities keep their type.",
  auth: "user",
  params: idParams,
  body: activityTypeUpdateSchema,
  response: activityTypeSchema,
  errors: [403, 404, 409],
  ifMatch: false,
});

export const noteSchema = z
  .object({
    id: z.string(),
    body: z.string().describe("Plain text; line breaks and http(s) links are shown as such, nothing else is markup"),
    pinned: z.boolean(),
    authorId: z.string().nullable(),
    mentionIds: z.array(z.string()),
    opportunityId: z.string().nullable(),
    accountId: z.string().nullable(),
    contactId: z.string().nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    editedAt: timestamp.nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Note" });

const noteWriteSchema = noteSchema
  .extend({ mentionsNotNotified: z.array(z.string()).describe("Mentioned users who cannot see the record: nobody told them") })
  .meta({ id: "NoteWritten" });

export const listNotes = endpoint({
  method: "get",
  path: "/notes",
  tag: "Notes",
  summary: "List notes",
  description: `${visibility} Pinned first, then newest first.`,
  auth: "user",
  query: z.strictObject({ ...pagingQuery, ...noteListFilters }),
  response: listEnvelope(noteSchema),
});

export const getNote = endpoint({ method: "get", path: "/notes/{id}", tag: "Notes", summary: "Get a note", description: visibility, auth: "user", params: idParams, response: noteSchema, errors: [404] });

export const createNote = endpoint({
  method: "post",
  path: "/notes",
  tag: "Notes",
  summary: "Create a note",
  description: "On an opportunity, account and/or contact you can see. Mentioned users who see the record are notified.",
  auth: "user",
  body: noteCreateSchema,
  response: noteWriteSchema,
  status: 201,
  example: { body: "Budget confirmed for Q1.\nSee https://example.com/offer", opportunityId: "<opportunity id>", mentionIds: ["<user id>"] },
});

export const updateNote = endpoint({
  method: "patch",
  path: "/notes/{id}",
  tag: "Notes",
  summary: "Update a note",
  description: "The text: its author, managers and admins. pinned: also whoever may edit the opportunity. Newly mentioned users are notified.",
  auth: "user",
  params: idParams,
  body: noteApiUpdateSchema,
  response: noteWriteSchema,
  errors: [403, 404, 409],
});

export const deleteNote = endpoint({
  method: "delete",
  path: "/notes/{id}",
  tag: "Notes",
  summary: "Delete a note",
  description: "Its author, managers and admins.",
  auth: "user",
  params: idParams,
  response: deletedSchema({}),
  errors: [403, 404, 409],
});
