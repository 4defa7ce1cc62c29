"use client";
// A list page's search box: the text goes to ?q= after a pause in typing.
import { useEffect, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { inputClass } from "@/components/ui/field";

export function SearchBox({ initial, placeholder }: { initial: string; placeholder: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [text, setText] = useState(initial);
  useEffect(() => {
    if (text === initial) return;
    const timer = setTimeout(() => router.replace(text.trim() ? `${pathname}?q=${encodeURIComponent(text.trim())}` : pathname), 300);
    return () => clearTimeout(timer);
  }, [text, initial, pathname, router]);
  return (
    <div className="relative w-full max-w-sm">
      <Search className="pointer-events-none absolute left-3 top-1/2 size-3.5 -translate-y-1/2 text-muted" aria-hidden="true" />
      <input type="search" aria-label="Search" placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} className={`${inputClass()} pl-8`} />
    </div>
  );
}
