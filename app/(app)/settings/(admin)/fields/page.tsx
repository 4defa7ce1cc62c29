import type { Metadata } from "next";
import { FieldSettings } from "@/components/settings/fields/field-settings";
import { PageHeader } from "@/components/ui/page-header";
import { requireAdmin } from "@/lib/server/auth/session";
import { listCustomFields } from "@/lib/server/custom-fields/manage";

export const metadata: Metadata = { title: "Custom fields · Settings" };

export default async function FieldsPage() {
  const actor = await requireAdmin();
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
