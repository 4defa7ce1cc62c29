// One section of /profile: its title and what it is for on the left, its
// controls in a card on the right (stacked on a phone). New sections (locale,
// time zone, theme) are one more <ProfileSection> in app/(app)/profile/page.tsx.
export function ProfileSection({ id, title, description, children }: { id: string; title: string; description: React.ReactNode; children: React.ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="grid gap-4 py-6 first:pt-0 lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8">
      <div>
        <h2 id={`${id}-title`} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="mt-1 text-sm text-muted">{description}</p>
      </div>
      <div className="min-w-0 rounded-xl border border-border bg-surface p-5 shadow-sm">{children}</div>
    </section>
  );
}
