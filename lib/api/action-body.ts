// Whether a server action's body is something React's client could have sent
// (its "reply" format), checked before Next.js decodes it: bytes React cannot
// decode make Next.js answer 200 with an error row (or crash on deep
// nesting), logged as an application error. The body is either one text row
// (the argument list as JSON) or multipart form data whose fields "0", "1", …
// are rows and whose other fields are files and form entries. Strings that
// start with "$" are references or special values; a reference must name a
// row (or file) the body carries. Pure: proxy.ts reads the body, this judges it.

/** Far deeper than any argument the app's forms send (about 5 levels), far below a stack overflow. */
export const MAX_ACTION_DEPTH = 64;

export interface ReplyBody {
  /** Row id (decimal, as React keys them) -> its JSON text. */
  rows: Map<string, string>;
  /** Keys of file entries (typed arrays and blobs are sent as files). */
  files: Set<string>;
}

const HEX = /^[0-9a-fA-F]+/;
/** Values that stand alone: escaped text, undefined, NaN, infinities, -0, temporary references, form data. */
const SELF_CONTAINED = /^\$(\$|undefined$|u$|NaN$|Infinity$|-Infinity$|-0$|T$|K[0-9a-fA-F]+$|D)/;
const BIGINT = /^\$n-?\d{1,300}$/;
/** Tags whose hex id names another row, and tags whose id names a file. */
const ROW_TAGS = new Set(["@", "h", "Q", "W", "i"]);
/** Streams and async iterables: React can send them, but no action of the app takes one. */
const STREAM_TAGS = new Set(["R", "r", "X", "x"]);
const FILE_TAGS = new Set(["A", "O", "o", "U", "S", "s", "L", "l", "G", "g", "M", "m", "V", "B"]);

/** Nesting depth of a JSON text, read without parsing it (so a 50,000-deep body costs one pass). */
export function jsonDepth(text: string, stopAt = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max && (max = depth) > stopAt) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/** Why a "$" string is not something React's client writes, or null when it is. */
function referenceProblem(value: string, body: ReplyBody): string | null {
  if (SELF_CONTAINED.test(value)) return null;
  if (value.startsWith("$n")) return BIGINT.test(value) ? null : `"${value.slice(0, 40)}" is not a whole number`;
  const tag = value[1];
  if (STREAM_TAGS.has(tag)) return `"${value.slice(0, 40)}" is a stream, which no action takes`;
  const idText = ROW_TAGS.has(tag) || FILE_TAGS.has(tag) ? value.slice(2) : value.slice(1);
  const hex = HEX.exec(idText)?.[0];
  if (!hex || hex.length > 8) return `"${value.slice(0, 40)}" is no value or reference`;
  const id = String(parseInt(hex, 16));
  if (FILE_TAGS.has(tag)) return body.files.has(id) ? null : `"${value.slice(0, 40)}" refers to a file the body does not carry`;
  return body.rows.has(id) ? null : `"${value.slice(0, 40)}" refers to a row the body does not carry`;
}

/** Every string value of a parsed row (object keys are never references), without recursion. */
function* stringsOf(value: unknown): Generator<string> {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") yield v;
    else if (v && typeof v === "object") for (const child of Object.values(v)) stack.push(child);
  }
}

/** Why the body is malformed, or null when React's server can decode it. */
export function replyBodyProblem(body: ReplyBody): string | null {
  if (!body.rows.has("0")) return "The action body is empty";
  for (const [id, text] of body.rows) {
    if (text.trim() === "") return id === "0" ? "The action body is empty" : `Row ${id} of the action body is empty`;
    if (jsonDepth(text, MAX_ACTION_DEPTH) > MAX_ACTION_DEPTH) return `The action body is nested deeper than ${MAX_ACTION_DEPTH} levels`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return id === "0" ? "The action body is not valid JSON" : `Row ${id} of the action body is not valid JSON`;
    }
    if (id === "0" && !Array.isArray(parsed)) return "The action body must be the list of the action's arguments";
    for (const s of stringsOf(parsed)) {
      if (!s.startsWith("$")) continue;
      const problem = referenceProblem(s, body);
      if (problem) return `The action body is malformed: ${problem}`;
    }
  }
  return null;
}

/** A text body: one row. */
export const textReply = (text: string): ReplyBody => ({ rows: new Map([["0", text]]), files: new Set() });

/** A multipart body: numbered text fields are rows, numbered file fields are files; other fields are form entries. */
export function formReply(form: FormData): ReplyBody {
  const body: ReplyBody = { rows: new Map(), files: new Set() };
  for (const [key, value] of form.entries()) {
    if (!/^\d+$/.test(key)) continue;
    if (typeof value === "string") body.rows.set(key, value);
    else body.files.add(key);
  }
  return body;
}
