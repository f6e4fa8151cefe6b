import { describe, expect, it } from "vitest";
import { escapeXml, productEmoji, renderProductImage, wrapText } from "./product-image";

/** A stand-in for a Fluent icon (fluent-emoji.test.ts checks the real ones). */
const icon = { name: "soft-ice-cream", body: '<path fill="#fff" d="M0 0h32v32H0z"/>' };

const yoghurt = { name: "Greek-Style Natural Yoghurt", icon: "🍨", color: "#fbeef6", brand: "Halles", sizeLabel: "4 x 125 g" };

/** Every text node of the SVG, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe("renderProductImage", () => {
  it("draws a 400 × 400 SVG with the name, brand, size and the emoji's illustration", () => {
    const svg = renderProductImage(yoghurt, icon);
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).toContain('viewBox="0 0 400 400"');
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(texts(svg)).toEqual(["4 x 125 g", "HALLES", "Greek-Style Natural", "Yoghurt"]);
    expect(svg).toContain(`<svg x="125" y="`);
    expect(svg).toContain(`viewBox="0 0 32 32" data-icon="soft-ice-cream">${icon.body}</svg>`);
    expect(svg).toContain('fill="#fbeef6"');
  });

  it("gives the same picture for the same input", () => {
    expect(renderProductImage(yoghurt, icon)).toBe(renderProductImage({ ...yoghurt }, icon));
    expect(renderProductImage(yoghurt, icon)).not.toBe(renderProductImage({ ...yoghurt, name: "Vanilla Yoghurt" }, icon));
  });

  it("escapes markup in every text it draws", () => {
    const svg = renderProductImage({
      name: `Tom's "Best" <script>alert(1)</script> & Co`,
      icon: "<b>",
      color: "#fff",
      brand: `<Brand & "Sons">`,
      sizeLabel: "<1 kg>",
    }, { name: `x" onload="alert(1)`, body: icon.body });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain('" onload');
    expect(svg).not.toContain("<Brand");
    expect(svg).not.toContain("<1 kg>");
    expect(svg).toContain("Tom&apos;s &quot;Best&quot; &lt;script&gt;");
    expect(svg).toContain("&lt;BRAND &amp; &quot;SONS&quot;&gt;");
    expect(svg).toContain("&lt;1 kg&gt;");
    // Outside tags, no raw special character is left.
    const between = svg.replace(/<[^>]*>/g, "");
    expect(between).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
  });

  it("refuses a colour that is not a hex colour", () => {
    const svg = renderProductImage({ ...yoghurt, color: `red" onload="alert(1)` }, icon);
    expect(svg).not.toContain("onload");
    expect(svg).toContain('fill="#f1f5f9"');
    expect(renderProductImage({ ...yoghurt, color: "#ABC" }, icon)).toContain('fill="#aabbcc"');
  });

  it("wraps a long name on three lines at most and marks what was cut", () => {
    const name = "Domaine des Trois Chênes Grande Réserve Côtes du Rhône Rouge AOC Vieilles Vignes Magnum 1.5 l";
    const lines = texts(renderProductImage({ ...yoghurt, name }, icon)).slice(2);
    expect(lines).toHaveLength(3);
    expect(lines.every((line) => line.length <= 25)).toBe(true);
    expect(lines[2].endsWith("…")).toBe(true);
  });

  it("leaves out the brand and size when there are none", () => {
    expect(texts(renderProductImage({ name: "Bananas", icon: "🍎", color: "#fde4e1", brand: null, sizeLabel: null }, icon))).toEqual(["Bananas"]);
  });
});

describe("wrapText", () => {
  it("keeps short text on one line", () => {
    expect(wrapText("Bananas", 20, 2)).toEqual(["Bananas"]);
  });

  it("splits a word longer than a line", () => {
    expect(wrapText("Supercalifragilistic", 8, 3)).toEqual(["Supercal", "ifragili", "stic"]);
  });

  it("ends with an ellipsis when the text does not fit", () => {
    expect(wrapText("one two three four five six", 9, 2)).toEqual(["one two", "three…"]);
  });
});

describe("productEmoji", () => {
  it("prefers the food a name names over the category's emoji", () => {
    expect(productEmoji("Organic Bananas", "🍎")).toBe("🍌");
    expect(productEmoji("Pineapple", "🍎")).toBe("🍍");
    expect(productEmoji("Madagascar Vanilla Ice Cream", "🍦")).toBe("🍨");
    expect(productEmoji("Comté AOP 18 Months", "🧀")).toBe("🧀");
    expect(productEmoji("Pork Chops", "🥓")).toBe("🥓");
  });
});

describe("escapeXml", () => {
  it("escapes the five XML special characters and drops forbidden control characters", () => {
    expect(escapeXml(`<&"'>`)).toBe("&lt;&amp;&quot;&apos;&gt;");
    expect(escapeXml("a\u0000b\u0007c\td")).toBe("abc\td");
  });
});
