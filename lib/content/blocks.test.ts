// The blocks model and rich text: what a save keeps, and what hostile input becomes on save and
// on render (issue 8, hostile input).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RichText } from "@/components/content/rich-text";
import { blockErrors, blocksSchema, readStoredBlocks, storefrontHref } from "./blocks";
import { richTextPlain, safeLinkHref, sanitizeRichText, RICH_TEXT_LIMITS } from "./rich-text";

const render = (doc: unknown) => renderToStaticMarkup(createElement(RichText, { doc }));
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const doc = (...content: unknown[]) => ({ type: "doc", content });

describe("link targets", () => {
  it.each(["https://example.com/a?b=1", "http://example.com", "mailto:hello@halles.example", "/l/summer", "/c/fruit?diet=vegan", "#top"])("keeps %s", (href) => {
    expect(safeLinkHref(href)).not.toBeNull();
  });
  it.each([
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox",
    "//evil.example/x",
    "/\\evil.example",
    "file:///etc/passwd",
    "",
    42,
  ])("refuses %s", (href) => {
    expect(safeLinkHref(href)).toBeNull();
  });
  it("block links are storefront paths or https only", () => {
    expect(storefrontHref.safeParse("/c/fruit").success).toBe(true);
    expect(storefrontHref.safeParse("https://halles.example/x").success).toBe(true);
    expect(storefrontHref.safeParse("http://halles.example/x").success).toBe(false);
    expect(storefrontHref.safeParse("mailto:a@b.c").success).toBe(false);
    expect(storefrontHref.safeParse("javascript:alert(1)").success).toBe(false);
  });
});

describe("rich text on save", () => {
  it("keeps the allow-listed nodes and marks", () => {
    const input = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Summer")] },
      para(text("Fresh ", [{ type: "bold" }]), text("fruit", [{ type: "italic" }, { type: "link", attrs: { href: "/c/fruit" } }]), { type: "hardBreak" }, text("now")),
      { type: "bulletList", content: [{ type: "listItem", content: [para(text("Peaches"))] }] },
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [para(text("Apricots"))] }] },
      { type: "blockquote", content: [para(text("Delicious"))] },
    );
    expect(sanitizeRichText(input)).toEqual(input);
  });

  it("drops javascript: links but keeps their text", () => {
    const out = sanitizeRichText(doc(para(text("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]))));
    expect(out).toEqual(doc(para(text("click"))));
  });

  it("unwraps unknown nodes, drops unknown leaves, marks and attributes", () => {
    const out = sanitizeRichText(
      doc(
        { type: "table", content: [{ type: "tableRow", content: [para(text("cell"))] }] },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        { type: "image", attrs: { src: "x", onerror: "alert(1)" } },
        { type: "paragraph", attrs: { style: "color:red", onclick: "alert(1)", class: "x" }, content: [text("styled", [{ type: "textStyle", attrs: { style: "x" } }, { type: "bold", attrs: { onclick: "alert(1)" } }])] },
        { type: "heading", attrs: { level: 1 }, content: [{ type: "mention", content: [text("@someone")] }] },
        { type: "codeBlock", content: [text("<script>alert(1)</script>")] },
      ),
    );
    expect(out).toEqual(
      doc(
        para(text("cell")),
        para(text("styled", [{ type: "bold" }])),
        { type: "heading", attrs: { level: 2 }, content: [text("@someone")] },
        para(text("<script>alert(1)</script>")),
      ),
    );
  });

  it("survives anything: not a document, cycles of junk, too deep, too many nodes", () => {
    for (const junk of [null, 42, "<script>alert(1)</script>", [], { type: "doc", content: "x" }, { content: [null, 1, "a", []] }]) {
      expect(sanitizeRichText(junk)).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    }
    let deep: unknown = text("bottom");
    for (let i = 0; i < 50; i++) deep = { type: "blockquote", content: [deep] };
    expect(JSON.stringify(sanitizeRichText(doc(deep))).length).toBeLessThan(2000);
    const many = doc(...Array.from({ length: RICH_TEXT_LIMITS.nodes * 2 }, (_, i) => para(text(`p${i}`))));
    expect(sanitizeRichText(many).content.length).toBeLessThanOrEqual(RICH_TEXT_LIMITS.nodes);
  });

  it("a blocks list validates each block and reports errors by path", () => {
    const result = blocksSchema.safeParse([
      { type: "hero", title: "", text: "x", link: { label: "Go", href: "javascript:alert(1)" } },
      { type: "promoTiles", tiles: [{ title: "A", text: "", colour: "purple" }] },
      { type: "script", src: "x" },
    ]);
    expect(result.success).toBe(false);
    const errors = blockErrors(result.error!);
    expect(Object.keys(errors).sort()).toEqual(["blocks.0.link.href", "blocks.0.title", "blocks.1.tiles.0.colour", "blocks.2.type"]);
  });

  it("a rich text block is sanitised as it is parsed, and refused when too large", () => {
    const parsed = blocksSchema.parse([{ type: "richText", doc: doc(para(text("x", [{ type: "link", attrs: { href: "javascript:x" } }]))) }]);
    expect(parsed[0]).toEqual({ type: "richText", doc: doc(para(text("x"))) });
    const huge = doc(para(text("x".repeat(RICH_TEXT_LIMITS.jsonChars))));
    expect(blocksSchema.safeParse([{ type: "richText", doc: huge }]).success).toBe(false);
  });

  it("stored blocks that no longer pass are left out, the rest kept", () => {
    const blocks = readStoredBlocks([{ type: "hero", title: "Hi", text: "" }, { type: "hero" }, "junk", { type: "carousel", title: "Picks", source: { kind: "featured" }, maxItems: 8 }]);
    expect(blocks.map((b) => b.type)).toEqual(["hero", "carousel"]);
    expect(readStoredBlocks("nope")).toEqual([]);
  });

  it("plain text of a document", () => {
    expect(richTextPlain(sanitizeRichText(doc(para(text("a")), { type: "bulletList", content: [{ type: "listItem", content: [para(text("b"))] }] })))).toBe("a\nb");
  });
});

describe("rich text on render", () => {
  it("renders elements from the allow-list only", () => {
    const html = render(doc({ type: "heading", attrs: { level: 3 }, content: [text("Title")] }, para(text("bold", [{ type: "bold" }]), text(" site", [{ type: "link", attrs: { href: "https://example.com" } }]))));
    expect(html).toBe('<div class="rich-text"><h3><span>Title</span></h3><p><span><strong>bold</strong></span><span><a href="https://example.com/" rel="noopener noreferrer nofollow"> site</a></span></p></div>');
  });

  it("escapes script text, and never renders a hostile link, node or attribute that reached the database", () => {
    const html = render(
      doc(
        para(text("<script>alert(1)</script>"), text("x", [{ type: "link", attrs: { href: "javascript:alert(1)", onclick: "alert(1)" } }])),
        { type: "html", content: [text("<img src=x onerror=alert(1)>")] },
        { type: "paragraph", attrs: { onmouseover: "alert(1)", style: "background:url(javascript:alert(1))" }, content: [text("y")] },
        { type: "heading", attrs: { level: "1 onclick=alert(1)" }, content: [text("z")] },
      ),
    );
    expect(html).not.toMatch(/<(script|img)|href="javascript|<[^>]*\s(on[a-z]+|style)=/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
