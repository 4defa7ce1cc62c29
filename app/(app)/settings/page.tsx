import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

export default async function SettingsIndex() {
  const actor = await requireActor();
  redirect(isAdmin(actor) ? "/settings/pipelines" : "/settings/api-keys");
}
