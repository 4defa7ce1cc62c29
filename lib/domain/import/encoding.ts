// Which text encoding a CSV file uses, and whether it is text at all. Excel
// writes UTF-8 with a byte order mark ("CSV UTF-8") or, in Western Europe,
// Windows-1252 ("CSV"); other tools write UTF-8 without a mark. A file that is
// valid UTF-8 is read as UTF-8 (Windows-1252 text with accents is almost never
// valid UTF-8); otherwise as Windows-1252. NUL bytes and other control
// characters mean a binary file, which is refused.

export const ENCODINGS = ["utf-8", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface EncodingGuess {
  encoding: Encoding;
  /** The file starts with the UTF-8 byte order mark (skipped when reading). */
  bom: boolean;
}

const BOM = [0xef, 0xbb, 0xbf];

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b);
}

/**
 * Whether `bytes` (a prefix of the file) is valid UTF-8, a sequence cut at the
 * very end excepted (the sample may end in the middle of a character).
 */
export function isUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true; // cut by the sample's end
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return false;
    }
    // Overlong three- and four-byte forms and surrogates.
    if (length === 3 && ((b === 0xe0 && bytes[i + 1] < 0xa0) || (b === 0xed && bytes[i + 1] > 0x9f))) return false;
    if (length === 4 && ((b === 0xf0 && bytes[i + 1] < 0x90) || (b === 0xf4 && bytes[i + 1] > 0x8f))) return false;
    i += length;
  }
  return true;
}

/**
 * Whether the sample looks like a binary file: a NUL byte, or more than 1 in
 * 100 bytes being control characters other than tab, line feed, carriage
 * return and form feed.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control * 100 > bytes.length;
}

export function guessEncoding(sample: Uint8Array): EncodingGuess {
  const bom = hasUtf8Bom(sample);
  if (bom) return { encoding: "utf-8", bom };
  return { encoding: isUtf8(sample) ? "utf-8" : "windows-1252", bom: false };
}

/**
 * A streaming decoder: feed byte chunks in order, get text back. The BOM, when
 * there is one, is dropped; invalid UTF-8 (the user forced it) becomes U+FFFD.
 */
export function textDecoder(encoding: Encoding): { write(chunk: Uint8Array): string; end(): string } {
  const decoder = new TextDecoder(encoding, { ignoreBOM: false });
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}

/** The whole of a small buffer as text (previews, tests). */
export function decodeAll(bytes: Uint8Array, encoding: Encoding): string {
  const d = textDecoder(encoding);
  return d.write(bytes) + d.end();
}
