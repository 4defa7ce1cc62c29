import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { buttonClass } from "@/components/ui/button";

/** Shown instead of any settings page to users who are not admins. */
export function Forbidden() {
  return (
    <div className="flex min-h-[70vh] items-center justify-center px-8">
      <div className="max-w-md text-center" data-testid="forbidden">
        <div className="mx-auto mb-4 flex size-12 items-center justify-center rounded-full bg-rose-50 text-danger dark:bg-rose-950">
          <ShieldAlert className="size-6" aria-hidden="true" />
        </div>
        <p className="text-sm font-semibold text-danger">403 · Forbidden</p>
        <h1 className="mt-1 text-xl font-semibold tracking-tight">Settings are for admins</h1>
        <p className="mt-2 text-sm text-muted">
          Your role does not allow changing how the CRM is set up. Ask an admin if a pipeline, field or list needs to change.
        </p>
        <Link href="/opportunities" className={`mt-6 ${buttonClass("primary")}`}>
          Back to opportunities
        </Link>
      </div>
    </div>
  );
}
