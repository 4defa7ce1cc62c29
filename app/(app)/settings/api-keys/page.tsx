import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/server/api-keys/manage";
import { isAdmin } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ scope?: string }> }) {
  const actor = await requireActor();
  const scope = isAdmin(actor) && (await searchParams).scope === "all" ? "all" : "mine";
  const keys = await listApiKeys(actor, scope);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys let other systems use the <Link href="/api-docs" className="font-medium text-accent hover:underline">REST API</Link> with
            your rights. Send one as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code>.
          </>
        }
      />
      <div className="max-w-5xl space-y-8 px-4 py-5 sm:px-8 sm:py-6">
        <section className="space-y-3">
          <h2 className="text-sm font-semibold">Create a key</h2>
          <CreateApiKeyForm />
        </section>
        <section className="space-y-3">
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold">{scope === "all" ? "Everyone's keys" : "Your keys"}</h2>
            {isAdmin(actor) ? (
              <Link href={scope === "all" ? "/settings/api-keys" : "/settings/api-keys?scope=all"} className="text-sm font-medium text-accent hover:underline">
                {scope === "all" ? "Show only mine" : "Show everyone's"}
              </Link>
            ) : null}
          </div>
          <ApiKeyTable keys={keys} showOwner={scope === "all"} />
        </section>
      </div>
    </>
  );
}
