// Reads a JSON request body within the 1 MB limit. Malformed JSON is a 400.
import { AppError } from "@/lib/server/errors";

export const MAX_BODY_BYTES = 1024 * 1024;

export async function readJsonBody(request: Request): Promise<{ value: unknown; raw: string }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The request body is larger than 1 MB");
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new AppError("BAD_REQUEST", "Send the body as JSON with Content-Type: application/json");
  }
  const raw = await readLimited(request);
  if (raw.trim() === "") throw new AppError("BAD_REQUEST", "The request body is empty");
  try {
    return { value: JSON.parse(raw), raw };
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("BAD_REQUEST", "The request body is larger than 1 MB");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
