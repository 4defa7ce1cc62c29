// Colour contrast (WCAG 2.2): the relative luminance of an sRGB colour, the
// contrast ratio of two, and the text colour that reads on a background
// chosen by an admin (a label's or a stage's colour).

/** "#rgb" or "#rrggbb" to [r, g, b] in 0..255; null for anything else. */
export function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const digits = m[1].length === 3 ? [...m[1]].map((d) => d + d).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
}

export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [parseHex(a), parseHex(b)].map((c) => (c ? relativeLuminance(c) : 0));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const LIGHT_TEXT = "#ffffff";
// Black, not the theme's near-black: with white it guarantees 4.5:1 on any background (the worst case is 4.58:1).
export const DARK_TEXT = "#000000";

/** White or near-black, whichever contrasts more with the background (at least 4.58:1 for any colour). */
export function textOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** The style of something filled with an admin's colour (a label, a stage): the colour and the text that reads on it. */
export function filledWith(background: string): { backgroundColor: string; borderColor: string; color: string } {
  return { backgroundColor: background, borderColor: background, color: textOn(background) };
}
