import { describe, expect, it } from "vitest";
import { DETAIL, escapeXml, NAME, num, shorten, textWidth } from "./text.ts";

describe("the text metric", () => {
  it("gives every character one cell of 0.6 em, whatever it is", () => {
    expect(textWidth("jellyfin", NAME)).toBeCloseTo(8 * 13 * 0.6);
    // "·" and "→" are one code point each: one cell in a monospace font.
    expect(textWidth("a · b → c", DETAIL)).toBeCloseTo(9 * 11 * 0.6);
  });

  it("shortens past the limit with an ellipsis, by code points", () => {
    expect(shorten("immich-machine-learning", 12)).toBe("immich-mach…");
    expect(shorten("short", 12)).toBe("short");
    expect([...shorten("→".repeat(20), 5)]).toHaveLength(5);
  });

  it("escapes the five XML characters", () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).toBe("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
  });

  it("writes numbers to a tenth, without -0", () => {
    expect([num(12.345), num(12), num(-0.01), num(0.05)]).toEqual(["12.3", "12", "0", "0.1"]);
  });
});
