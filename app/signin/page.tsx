import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/brand/logo";
import { currentActor } from "@/lib/server/auth/session";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentActor()) redirect("/opportunities");
  const { callbackUrl } = await searchParams;
  return (
    <main className="grid min-h-screen lg:grid-cols-2">
      <section className="flex items-center justify-center px-6 py-12">
        <div className="w-full max-w-sm space-y-8">
          <Logo className="text-lg" />
          <div className="space-y-2">
            <h1 className="text-2xl font-semibold tracking-tight">Sign in to your workspace</h1>
            <p className="text-sm text-muted">Use the email and password your administrator gave you.</p>
          </div>
          <SignInForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : "/opportunities"} />
        </div>
      </section>
      <aside className="relative hidden overflow-hidden bg-gradient-to-br from-indigo-600 via-indigo-700 to-slate-900 lg:block">
        <div className="absolute inset-0 opacity-20 [background-image:radial-gradient(circle_at_1px_1px,white_1px,transparent_0)] [background-size:24px_24px]" />
        <div className="relative flex h-full flex-col justify-end p-12 text-white">
          <div className="mb-10 grid max-w-md grid-cols-3 gap-3" aria-hidden="true">
            {[
              ["Qualified", "$182k", 4],
              ["Proposal", "$341k", 3],
              ["Negotiation", "$512k", 2],
            ].map(([name, total, cards]) => (
              <div key={name as string} className="rounded-xl bg-white/10 p-3 backdrop-blur">
                <div className="text-xs font-medium text-white/70">{name}</div>
                <div className="text-sm font-semibold">{total}</div>
                <div className="mt-3 space-y-2">
                  {Array.from({ length: cards as number }, (_, i) => (
                    <div key={i} className="h-8 rounded-md bg-white/20" />
                  ))}
                </div>
              </div>
            ))}
          </div>
          <p className="max-w-md text-2xl font-semibold leading-snug">Every deal, every stage, one honest forecast.</p>
          <p className="mt-3 max-w-md text-sm text-white/70">
            Self-hosted pipeline management for sales teams: drag deals through your stages, build them from your catalog and
            know what will close this quarter.
          </p>
        </div>
      </aside>
    </main>
  );
}
