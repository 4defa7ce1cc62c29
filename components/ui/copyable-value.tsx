"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** A value shown once (a password, a secret) with a Copy button beside it; long values wrap anywhere. */
export function CopyableValue({ value, testId }: { value: string; testId: string }) {
  return (
    <div className="flex items-center gap-2 rounded-lg border border-border bg-surface-muted px-3 py-2.5">
      <code className="flex-1 break-all font-mono text-sm" data-testid={testId}>{value}</code>
      <Button size="sm" onClick={() => navigator.clipboard?.writeText(value).then(() => toast.success("Copied"), () => toast.error("Copy failed; select the text instead"))}>
        <Copy className="size-3.5" aria-hidden="true" /> Copy
      </Button>
    </div>
  );
}
