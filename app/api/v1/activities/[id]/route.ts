import { deleteActivity as deleteEndpoint, getActivity as getEndpoint, updateActivity as updateEndpoint } from "@/lib/api/endpoints/activities";
import { ApiReply, expectedVersion, versionETag } from "@/lib/api/reply";
import { apiRoute } from "@/lib/api/route";
import { getActivity } from "@/lib/server/activities/read";
import { deleteActivity, updateActivity } from "@/lib/server/activities/write";

export const GET = apiRoute(getEndpoint, async ({ actor, params }) => {
  const activity = await getActivity(actor, params.id);
  return new ApiReply(activity, 200, { ETag: versionETag(activity.version) });
});

export const PATCH = apiRoute(updateEndpoint, async ({ actor, params, body, request }) => {
  const { version, ...changes } = body;
  const activity = await updateActivity(actor, params.id, changes, expectedVersion(request, version) ?? undefined);
  return new ApiReply(activity, 200, { ETag: versionETag(activity.version) });
});

export const DELETE = apiRoute(deleteEndpoint, async ({ actor, params, request }) => deleteActivity(actor, params.id, expectedVersion(request) ?? undefined));
