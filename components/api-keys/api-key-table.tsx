import { formatDistanceToNow } from "date-fns";
import type { ApiKeyDto } from "@/lib/server/api-keys/manage";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

function when(iso: string | null, never: string) {
  return iso ? formatDistanceToNow(new Date(iso), { addSuffix: true }) : never;
}

export function ApiKeyTable({ keys, showOwner }: { keys: ApiKeyDto[]; showOwner: boolean }) {
  if (keys.length === 0) {
    return <p className="rounded-xl border border-dashed border-border px-6 py-10 text-center text-sm text-muted">No API keys yet.</p>;
  }
  return (
    // On a phone the table scrolls inside its card, Revoke included, rather than widen the page.
    <div className="overflow-x-auto rounded-xl border border-border bg-surface shadow-sm">
      <table className="w-full whitespace-nowrap text-sm" data-testid="api-key-table">
        <thead className="border-b border-border bg-surface-muted/60 text-left text-xs font-medium uppercase tracking-wide text-muted">
          <tr>
            <th className="px-4 py-2.5">Name</th>
            <th className="px-4 py-2.5">Key</th>
            {showOwner ? <th className="px-4 py-2.5">User</th> : null}
            <th className="px-4 py-2.5">Created</th>
            <th className="px-4 py-2.5">Last used</th>
            <th className="px-4 py-2.5">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? "text-muted" : undefined}>
              <td className="px-4 py-3 font-medium">{key.name}</td>
              <td className="px-4 py-3 font-mono text-xs">{key.prefix}…</td>
              {showOwner ? <td className="px-4 py-3">{key.user.name}</td> : null}
              <td className="px-4 py-3">{when(key.createdAt, "")}</td>
              <td className="px-4 py-3">{when(key.lastUsedAt, "Never")}</td>
              <td className="px-4 py-3 text-right">
                {key.revokedAt ? (
                  <span className="rounded-full bg-surface-muted px-2 py-0.5 text-xs">Revoked {when(key.revokedAt, "")}</span>
                ) : (
                  <RevokeApiKeyButton id={key.id} name={key.name} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
