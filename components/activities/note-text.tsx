// A note's text: line breaks kept, http(s) links as anchors, everything else
// plain React text (never HTML), so a note cannot inject markup or script.
import { noteParts } from "@/lib/domain/activities";

export function NoteText({ body, className }: { body: string; className?: string }) {
  return (
    <p className={`whitespace-pre-wrap break-words ${className ?? ""}`}>
      {noteParts(body).map((p, i) =>
        p.kind === "link" ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}
