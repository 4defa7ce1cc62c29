// Reads a Server-Sent Events body as EventSource does: frames split on a blank
// line, `id:` remembered (also from frames without data, as heartbeats send
// it), `event:` naming the kind ("message" by default), `data:` parsed as JSON.
import { expect } from "vitest";

export interface SseEvent {
  id: string | null;
  event: string;
  data: Record<string, unknown>;
}

export class SseReader {
  readonly events: SseEvent[] = [];
  lastId: string | null = null;
  /** Everything received, comments and ids included (privacy checks look at all of it). */
  raw = "";
  done = false;

  constructor(body: ReadableStream<Uint8Array>, private readonly onClose: () => void = () => {}) {
    void this.pump(body);
  }

  private async pump(body: ReadableStream<Uint8Array>) {
    const decoder = new TextDecoder();
    const reader = body.getReader();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        buffer += text;
        this.raw += text;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let id: string | null = null;
          let event = "message";
          let data = "";
          for (const line of frame.split("\n")) {
            if (line.startsWith("id: ")) id = line.slice(4);
            else if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("data: ")) data += line.slice(6);
          }
          if (id !== null) this.lastId = id;
          if (data) this.events.push({ id, event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted
    } finally {
      this.done = true;
    }
  }

  /** The change events (not hello, live or reset). */
  changes(): SseEvent[] {
    return this.events.filter((e) => e.event === "message");
  }

  ids(): unknown[] {
    return this.changes().map((e) => e.data.id);
  }

  async until(check: (r: SseReader) => boolean, what: string, ms = 8000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check(this)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; received: ${this.raw.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Waits for the end of the catch-up (`event: live`). */
  live(): Promise<void> {
    return this.until((r) => r.events.some((e) => e.event === "live"), "the stream to go live");
  }

  close() {
    this.onClose();
  }
}

export function expectEventStream(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
}
