import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AVATAR_COLORS } from "@/components/ui/avatar";
import { contrastRatio, DARK_TEXT, filledWith, LIGHT_TEXT, parseHex, textOn } from "@/lib/domain/color";

/** The design tokens of one theme, read from app/globals.css (:root, then the dark media query). */
function tokens(theme: "light" | "dark"): Record<string, string> {
  const css = fs.readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");
  const dark = css.indexOf("@media (prefers-color-scheme: dark)");
  const block = theme === "light" ? css.slice(css.indexOf(":root"), dark) : css.slice(dark, css.indexOf("@theme"));
  const light = theme === "dark" ? tokens("light") : {};
  return { ...light, ...Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{3,6});/gi)].map((m) => [m[1], m[2]])) };
}

describe("colour contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777", "#777777")).toBeCloseTo(1, 5);
    // The figures axe reported before the fix.
    expect(contrastRatio("#ffffff", "#00bc7d")).toBeCloseTo(2.47, 2);
    expect(contrastRatio("#64748b", "#f1f3f6")).toBeCloseTo(4.28, 2);
    expect(parseHex("nope")).toBeNull();
  });

  for (const theme of ["light", "dark"] as const) {
    it(`every text token reads at 4.5:1 on every surface, ${theme} theme`, () => {
      const t = tokens(theme);
      for (const text of ["text", "muted", "accent", "danger", "success", "warning"]) {
        for (const surface of ["background", "surface", "surface-muted"]) {
          expect(contrastRatio(t[text], t[surface]), `${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrastRatio(t["accent"], t["accent-soft"]), "accent on accent-soft").toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t["on-accent"], t["accent"]), "on-accent on accent").toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(t["on-danger"], t["danger"]), "on-danger on danger").toBeGreaterThanOrEqual(4.5);
    });
  }

  it("white initials read on every avatar colour", () => {
    for (const [name, hex] of Object.entries(AVATAR_COLORS)) expect(contrastRatio(LIGHT_TEXT, hex), name).toBeGreaterThanOrEqual(4.5);
  });

  it("text on an admin's colour is white or near-black, whichever reads, for any colour", () => {
    expect(textOn("#f59e0b")).toBe(DARK_TEXT); // the amber Priority label: white read at 2.14:1
    expect(textOn("#4f46e5")).toBe(LIGHT_TEXT);
    expect(filledWith("#10b981")).toEqual({ backgroundColor: "#10b981", borderColor: "#10b981", color: DARK_TEXT });
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
          expect(contrastRatio(textOn(hex), hex), hex).toBeGreaterThanOrEqual(4.5);
        }
  });
});
