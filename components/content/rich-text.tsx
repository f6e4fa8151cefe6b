// Rich text on the storefront: React elements built from the allow-listed document (never HTML
// strings). The document is sanitised again here, so a row written around the save path renders
// as safely as one saved through it.
import { Link } from "@/components/layout/shop-link";
import type { ReactNode } from "react";
import { sanitizeRichText, type RichBlock, type RichInline } from "@/lib/content/rich-text";

function renderInline(node: RichInline, key: number): ReactNode {
  if (node.type === "hardBreak") return <br key={key} />;
  let out: ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") out = <strong>{out}</strong>;
    else if (mark.type === "italic") out = <em>{out}</em>;
    else if (mark.attrs.href.startsWith("/") || mark.attrs.href.startsWith("#")) out = <Link href={mark.attrs.href}>{out}</Link>;
    else out = <a href={mark.attrs.href} rel="noopener noreferrer nofollow">{out}</a>;
  }
  return <span key={key}>{out}</span>;
}

const inline = (nodes: RichInline[] = []) => nodes.map(renderInline);

function renderBlock(node: RichBlock, key: number): ReactNode {
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{inline(node.content)}</p>;
    case "heading":
      return node.attrs.level === 2 ? <h2 key={key}>{inline(node.content)}</h2> : <h3 key={key}>{inline(node.content)}</h3>;
    case "bulletList":
      return <ul key={key}>{node.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}</ul>;
    case "orderedList":
      return (
        <ol key={key} start={node.attrs?.start}>
          {node.content.map((item, i) => <li key={i}>{item.content.map(renderBlock)}</li>)}
        </ol>
      );
    case "blockquote":
      return <blockquote key={key}>{node.content.map(renderBlock)}</blockquote>;
  }
}

export function RichText({ doc }: { doc: unknown }) {
  return <div className="rich-text">{sanitizeRichText(doc).content.map(renderBlock)}</div>;
}
