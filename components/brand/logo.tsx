export function Logo({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight ${className}`}>
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden="true">
        <rect width="32" height="32" rx="8" className="fill-accent" />
        <rect x="7" y="9" width="4" height="14" rx="2" fill="white" opacity="0.55" />
        <rect x="14" y="9" width="4" height="10" rx="2" fill="white" opacity="0.8" />
        <rect x="21" y="9" width="4" height="6" rx="2" fill="white" />
      </svg>
      <span>Pipeline</span>
    </span>
  );
}
