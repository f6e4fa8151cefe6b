// Rich text as stored: a Tiptap (ProseMirror) JSON document cut down to an allow-list of nodes
// and marks. Whatever arrives (the editor, a forged request, an old row) goes through
// sanitizeRichText: unknown nodes are unwrapped or dropped, unknown marks and attributes are
// dropped, links keep only an http(s), mailto or relative href. Rendering (render-rich-text.tsx)
// reads only what this module lets through, so it never sees raw HTML.

export type RichMark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };
export type RichInline = { type: "text"; text: string; marks?: RichMark[] } | { type: "hardBreak" };
export type RichBlock =
  | { type: "paragraph"; content?: RichInline[] }
  | { type: "heading"; attrs: { level: 2 | 3 }; content?: RichInline[] }
  | { type: "bulletList"; content: RichListItem[] }
  | { type: "orderedList"; attrs?: { start: number }; content: RichListItem[] }
  | { type: "blockquote"; content: RichBlock[] };
export type RichListItem = { type: "listItem"; content: RichBlock[] };
export type RichDoc = { type: "doc"; content: RichBlock[] };

/** Limits on one document: its JSON size, its nodes, its depth and one text run. */
export const RICH_TEXT_LIMITS = { jsonChars: 100_000, nodes: 3_000, depth: 12, textChars: 10_000 } as const;

export const EMPTY_DOC: RichDoc = { type: "doc", content: [{ type: "paragraph" }] };

const MAX_LINK = 2_000;

/**
 * A link target people may follow: http(s) URLs, mailto:, or a path on this site ("/l/summer",
 * "#top"). Anything else (javascript:, data:, vbscript:, "//evil.example", control characters) is refused.
 */
export function safeLinkHref(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const href = value.trim();
  if (href.length === 0 || href.length > MAX_LINK) return null;
  // Whitespace and control characters hide schemes from naive checks ("java\tscript:").
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(href)) return null;
  if (href.startsWith("/")) return href.startsWith("//") ? null : href;
  if (href.startsWith("#")) return href;
  if (/^mailto:[^@\s]+@[^@\s]+$/i.test(href)) return href;
  try {
    const url = new URL(href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

type Budget = { nodes: number };
type Unknown = Record<string, unknown>;

const asObject = (value: unknown): Unknown | null => (value && typeof value === "object" && !Array.isArray(value) ? (value as Unknown) : null);
const children = (node: Unknown): unknown[] => (Array.isArray(node.content) ? node.content : []);

function sanitizeMarks(value: unknown): RichMark[] {
  if (!Array.isArray(value)) return [];
  const marks: RichMark[] = [];
  const seen = new Set<string>();
  for (const raw of value) {
    const mark = asObject(raw);
    const type = mark?.type;
    if (typeof type !== "string" || seen.has(type)) continue;
    if (type === "bold" || type === "italic") marks.push({ type });
    else if (type === "link") {
      const href = safeLinkHref(asObject(mark?.attrs)?.href);
      if (href) marks.push({ type: "link", attrs: { href } });
    } else continue;
    seen.add(type);
  }
  return marks;
}

function sanitizeInline(nodes: unknown[], depth: number, budget: Budget): RichInline[] {
  const out: RichInline[] = [];
  for (const raw of nodes) {
    const node = asObject(raw);
    if (!node || depth > RICH_TEXT_LIMITS.depth || --budget.nodes < 0) continue;
    if (node.type === "text") {
      if (typeof node.text !== "string" || node.text.length === 0) continue;
      const text = node.text.replace(/\u0000/g, "").slice(0, RICH_TEXT_LIMITS.textChars);
      const marks = sanitizeMarks(node.marks);
      out.push(marks.length ? { type: "text", text, marks } : { type: "text", text });
    } else if (node.type === "hardBreak") out.push({ type: "hardBreak" });
    // Anything else inside a line (an unknown inline node, a block where text belongs) keeps only its text.
    else out.push(...sanitizeInline(children(node), depth + 1, budget));
  }
  return out;
}

function sanitizeListItems(nodes: unknown[], depth: number, budget: Budget): RichListItem[] {
  const items: RichListItem[] = [];
  for (const raw of nodes) {
    const node = asObject(raw);
    if (!node) continue;
    const content = node.type === "listItem" ? sanitizeBlocks(children(node), depth + 1, budget) : sanitizeBlocks([node], depth + 1, budget);
    if (content.length) items.push({ type: "listItem", content });
  }
  return items;
}

function headingLevel(attrs: unknown): 2 | 3 {
  const level = Number(asObject(attrs)?.level);
  return level >= 3 ? 3 : 2;
}

function sanitizeBlocks(nodes: unknown[], depth: number, budget: Budget): RichBlock[] {
  const out: RichBlock[] = [];
  let loose: unknown[] = [];
  const flushLoose = () => {
    if (loose.length) {
      const content = sanitizeInline(loose, depth + 1, budget);
      if (content.length) out.push({ type: "paragraph", content });
    }
    loose = [];
  };
  for (const raw of nodes) {
    const node = asObject(raw);
    if (!node) continue;
    if (node.type === "text" || node.type === "hardBreak") {
      loose.push(node);
      continue;
    }
    flushLoose();
    if (depth > RICH_TEXT_LIMITS.depth || --budget.nodes < 0) continue;
    switch (node.type) {
      case "paragraph": {
        const content = sanitizeInline(children(node), depth + 1, budget);
        out.push(content.length ? { type: "paragraph", content } : { type: "paragraph" });
        break;
      }
      case "heading": {
        const content = sanitizeInline(children(node), depth + 1, budget);
        out.push(content.length ? { type: "heading", attrs: { level: headingLevel(node.attrs) }, content } : { type: "heading", attrs: { level: headingLevel(node.attrs) } });
        break;
      }
      case "bulletList":
      case "orderedList": {
        const content = sanitizeListItems(children(node), depth + 1, budget);
        if (!content.length) break;
        const start = Number(asObject(node.attrs)?.start);
        if (node.type === "orderedList" && Number.isInteger(start) && start > 1 && start < 10_000) out.push({ type: "orderedList", attrs: { start }, content });
        else out.push({ type: node.type, content });
        break;
      }
      case "blockquote": {
        const content = sanitizeBlocks(children(node), depth + 1, budget);
        if (content.length) out.push({ type: "blockquote", content });
        break;
      }
      // An unknown node (a table, a code block, an iframe) is unwrapped: its allowed content stays, the rest goes.
      default:
        out.push(...sanitizeBlocks(children(node), depth + 1, budget));
    }
  }
  flushLoose();
  return out;
}

/** The document reduced to the allow-list; never throws, whatever `value` is. */
export function sanitizeRichText(value: unknown): RichDoc {
  const doc = asObject(value);
  const content = doc ? sanitizeBlocks(children(doc), 1, { nodes: RICH_TEXT_LIMITS.nodes }) : [];
  return { type: "doc", content: content.length ? content : [{ type: "paragraph" }] };
}

/** The plain text of a document (search, summaries, tests). */
export function richTextPlain(doc: RichDoc): string {
  const inline = (nodes: RichInline[] = []) => nodes.map((n) => (n.type === "text" ? n.text : "\n")).join("");
  const block = (node: RichBlock): string => {
    if (node.type === "paragraph" || node.type === "heading") return inline(node.content);
    if (node.type === "blockquote") return node.content.map(block).join("\n");
    return node.content.map((item) => item.content.map(block).join("\n")).join("\n");
  };
  return doc.content.map(block).join("\n");
}
