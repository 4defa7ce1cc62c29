import type { Metadata } from "next";
import { adminOrNull } from "@/components/settings/admin-page";
import { FieldSettings } from "@/components/settings/fields/field-settings";
import { Forbidden } from "@/components/settings/forbidden";
import { PageHeader } from "@/components/ui/page-header";
import { listCustomFields } from "@/lib/server/settings/custom-fields";

export const metadata: Metadata = { title: "Custom fields · Settings" };

export default async function FieldsPage() {
  const actor = await adminOrNull();
  if (!actor) return <Forbidden />;
  const fields = await listCustomFields(actor);
  return (
    <>
      <PageHeader title="Custom fields" description="Extra fields on every opportunity: shown on the form and detail page, filterable, exported and validated by the API." />
      <div className="px-4 py-5 sm:px-8 sm:py-6">
        <FieldSettings fields={fields} />
      </div>
    </>
  );
}
