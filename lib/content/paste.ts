// Text pasted from Word or web pages, cleaned before the editor reads it: comments, Office tags
// (<o:p>, <w:…>), styles, scripts and every attribute but a link's href go; unknown tags are
// unwrapped (their text stays). The editor's schema then keeps only the allowed nodes, and the
// server's allow-list (rich-text.ts) has the last word.
const KEEP = new Set(["p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "b", "strong", "i", "em", "a"]);

export function cleanPastedHtml(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!\[if[\s\S]*?<!\[endif\]>/gi, "")
    .replace(/<(style|script|xml|title|head|template|noscript|iframe|object)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<\/?[a-z]+:[^>]*>/gi, "")
    .replace(/<(\/?)([a-z][a-z0-9]*)\b([^>]*)>/gi, (_tag, slash: string, name: string, attrs: string) => {
      const tag = name.toLowerCase();
      if (!KEEP.has(tag)) return "";
      if (tag === "a" && !slash) {
        const href = /\bhref\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs);
        const value = href ? (href[2] ?? href[3] ?? href[4] ?? "") : "";
        return value ? `<a href="${value.replace(/"/g, "&quot;")}">` : "<a>";
      }
      return `<${slash}${tag}>`;
    });
}
