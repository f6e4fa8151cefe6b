"use client";
// The rich text editor (Tiptap): a toolbar over an editable area limited to what the storefront
// renders (paragraphs, headings 2–3, lists, quotes, bold, italic, links). Its JSON goes to the
// caller on every change; pasted HTML is cleaned first (lib/content/paste.ts).
import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useId } from "react";
import { cleanPastedHtml } from "@/lib/content/paste";
import { safeLinkHref } from "@/lib/content/rich-text";

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["mailto"],
      isAllowedUri: (url) => safeLinkHref(url) !== null,
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
];

const toolButton = "rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-semibold hover:bg-stone-100 aria-pressed:bg-brand-700 aria-pressed:text-white disabled:opacity-50";

function Toolbar({ editor, label }: { editor: Editor; label: string }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "";
    const href = window.prompt("Link address (https://…, mailto:… or a storefront path like /c/fruit)", previous);
    if (href === null) return;
    if (href.trim() === "") return void chain().extendMarkRange("link").unsetLink().run();
    const safe = safeLinkHref(href);
    if (!safe) return void window.alert("This address cannot be used: use https://…, mailto:… or a path starting with /.");
    chain().extendMarkRange("link").setLink({ href: safe }).run();
  };
  const buttons: { label: string; pressed: boolean; run: () => void }[] = [
    { label: "Bold", pressed: active.bold, run: () => chain().toggleBold().run() },
    { label: "Italic", pressed: active.italic, run: () => chain().toggleItalic().run() },
    { label: "Heading", pressed: active.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: "Subheading", pressed: active.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: "Bulleted list", pressed: active.bullet, run: () => chain().toggleBulletList().run() },
    { label: "Numbered list", pressed: active.ordered, run: () => chain().toggleOrderedList().run() },
    { label: "Quote", pressed: active.quote, run: () => chain().toggleBlockquote().run() },
    { label: "Link", pressed: active.link, run: setLink },
  ];
  return (
    <div role="toolbar" aria-label={`${label} formatting`} className="flex flex-wrap gap-1 border-b border-stone-200 bg-stone-50 p-2">
      {buttons.map((b) => (
        <button key={b.label} type="button" aria-pressed={b.pressed} onClick={b.run} className={toolButton}>
          {b.label}
        </button>
      ))}
    </div>
  );
}

export function RichTextEditor({ label, value, onChange, errorId }: { label: string; value: JSONContent; onChange: (doc: JSONContent) => void; errorId?: string }) {
  const labelId = useId();
  const editor = useEditor({
    extensions,
    content: value,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        class: "rich-text min-h-40 max-w-none px-3 py-2 focus:outline-none",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(errorId ? { "aria-describedby": errorId } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChange(e.getJSON()),
  });
  return (
    <div>
      <span id={labelId} className="block text-sm font-medium text-stone-800">
        {label}
      </span>
      <div className="mt-1 overflow-hidden rounded-lg border border-stone-300 bg-white focus-within:outline-2 focus-within:outline-brand-600">
        {editor ? <Toolbar editor={editor} label={label} /> : <p className="p-2 text-sm text-stone-600">Loading the editor…</p>}
        <EditorContent editor={editor} />
      </div>
    </div>
  );
}
