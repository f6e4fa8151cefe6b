"use client";
// The page editor: title, description and the blocks (add, edit, move, remove), saved as one
// draft with the version it was opened at. The blocks travel as JSON in a hidden field, so editing
// them needs JavaScript; the title and description, and saving, work without it.
import type { JSONContent } from "@tiptap/react";
import { useActionState, useRef, useState } from "react";
import { FormMessage, primaryButton } from "@/components/account/form-field";
import { MediaPicker, type PickableMedia } from "@/components/media/media-picker";
import { RichTextEditor } from "@/components/content/rich-text-editor";
import type { ActionState } from "@/lib/actions";
import { savePageDraft } from "@/lib/backoffice/content-actions";
import { BLOCK_LABELS, CAROUSEL_TAGS, MAX_BLOCKS, PROMO_COLOURS, type BlockType } from "@/lib/content/blocks";
import { EMPTY_DOC } from "@/lib/content/rich-text";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

type Link = { label: string; href: string };
type Tile = { title: string; text: string; link?: Link; colour: string };
type DraftBlock =
  | { type: "hero"; title: string; text: string; link?: Link; secondaryLink?: Link; image?: { mediaId: string; alt: string } }
  | { type: "carousel"; title: string; source: { kind: string; category?: string; tag?: string; products?: string[] }; maxItems: number | string }
  | { type: "promoTiles"; tiles: Tile[] }
  | { type: "richText"; doc: JSONContent }
  | { type: "image"; mediaId: string; alt: string; caption?: string };
type Keyed = { key: string; block: DraftBlock };

export type EditorPage = { id: number; version: number; title: string; description: string; blocks: unknown[] };
export type CategoryOption = { slug: string; name: string };

const DIET_NAMES: Record<(typeof CAROUSEL_TAGS)[number], string> = { organic: "Organic", vegan: "Vegan", vegetarian: "Vegetarian", gluten_free: "Gluten-free", lactose_free: "Lactose-free" };
const COLOUR_NAMES: Record<(typeof PROMO_COLOURS)[number], string> = { green: "Green", orange: "Orange", cream: "Cream", stone: "Dark grey" };

const NEW_BLOCKS: Record<BlockType, () => DraftBlock> = {
  hero: () => ({ type: "hero", title: "", text: "" }),
  carousel: () => ({ type: "carousel", title: "", source: { kind: "featured" }, maxItems: 8 }),
  promoTiles: () => ({ type: "promoTiles", tiles: [{ title: "", text: "", colour: "green" }] }),
  richText: () => ({ type: "richText", doc: EMPTY_DOC }),
  image: () => ({ type: "image", mediaId: "", alt: "" }),
};

/** Keys stable across moves (they name the blocks' inputs); the first ones match between server and browser. */
const keyed = (blocks: unknown[], prefix = "b"): Keyed[] => blocks.map((block, i) => ({ key: `${prefix}${i}`, block: block as DraftBlock }));

const withoutEmptyLink = (link?: Link) => (link && (link.label.trim() || link.href.trim()) ? link : undefined);

/** The blocks as the server reads them: empty optional links dropped, numbers as numbers. */
function toStored(blocks: Keyed[]): unknown[] {
  return blocks.map(({ block }) => {
    switch (block.type) {
      case "hero":
        return { ...block, link: withoutEmptyLink(block.link), secondaryLink: withoutEmptyLink(block.secondaryLink) };
      case "carousel": {
        const { kind, category, tag, products } = block.source;
        const source = kind === "category" ? { kind, category: category ?? "" } : kind === "tag" ? { kind, tag: tag ?? "" } : kind === "products" ? { kind, products: (products ?? []).map((s) => s.trim()).filter(Boolean) } : { kind };
        return { ...block, source, maxItems: Number(block.maxItems) };
      }
      case "promoTiles":
        return { ...block, tiles: block.tiles.map((tile) => ({ ...tile, link: withoutEmptyLink(tile.link) })) };
      case "image":
        return block.caption?.trim() ? block : { ...block, caption: undefined };
      default:
        return block;
    }
  });
}

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-accent-600";
const smallButton = "rounded-full border border-stone-300 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-stone-100 disabled:opacity-50";

type Errors = Record<string, string[] | undefined>;

/** A controlled field of a block, with its error (keyed by the block's path) beside it. */
function BlockInput({
  id,
  label,
  value,
  onChange,
  error,
  multiline,
  optional,
  type = "text",
  name,
  maxLength,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string[];
  multiline?: boolean;
  optional?: boolean;
  type?: string;
  /** Only the page's own fields are submitted by name; block fields travel in the blocks JSON. */
  name?: string;
  maxLength?: number;
}) {
  const errorId = `${id}-error`;
  const common = { id, name, maxLength, value, "aria-invalid": error?.length ? true : undefined, "aria-describedby": error?.length ? errorId : undefined, className: input };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {optional && <span className="font-normal text-stone-500"> (optional)</span>}
      </label>
      {multiline ? <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      {error?.length ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-accent-600">
          {error.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

function LinkInputs({ id, path, label, link, onChange, errors }: { id: string; path: string; label: string; link?: Link; onChange: (link: Link) => void; errors: Errors }) {
  const current = link ?? { label: "", href: "" };
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <BlockInput id={`${id}-label`} label={`${label} text`} optional value={current.label} onChange={(v) => onChange({ ...current, label: v })} error={errors[`${path}.label`]} />
      <BlockInput id={`${id}-href`} label={`${label} address`} optional value={current.href} onChange={(v) => onChange({ ...current, href: v })} error={errors[`${path}.href`] ?? errors[path]} />
    </div>
  );
}

function BlockFields({ block, index, id, set, errors, recent, categories }: { block: DraftBlock; index: number; id: string; set: (block: DraftBlock) => void; errors: Errors; recent: PickableMedia[]; categories: CategoryOption[] }) {
  const path = `blocks.${index}`;
  const err = (field: string) => errors[`${path}.${field}`];
  switch (block.type) {
    case "hero":
      return (
        <div className="space-y-3">
          <BlockInput id={`${id}-title`} label="Title" value={block.title} onChange={(title) => set({ ...block, title })} error={err("title")} />
          <BlockInput id={`${id}-text`} label="Text" optional multiline value={block.text} onChange={(text) => set({ ...block, text })} error={err("text")} />
          <LinkInputs id={`${id}-link`} path={`${path}.link`} label="Button" link={block.link} onChange={(link) => set({ ...block, link })} errors={errors} />
          <LinkInputs id={`${id}-link2`} path={`${path}.secondaryLink`} label="Second button" link={block.secondaryLink} onChange={(secondaryLink) => set({ ...block, secondaryLink })} errors={errors} />
          <MediaPicker name={`blockMedia.${index}`} recent={recent} defaultValue={block.image?.mediaId ?? ""} label="Picture" allowNone errors={err("image.mediaId")} />
          <BlockInput id={`${id}-alt`} label="Picture description" optional value={block.image?.alt ?? ""} onChange={(alt) => set({ ...block, image: { mediaId: block.image?.mediaId ?? "", alt } })} error={err("image.alt")} />
        </div>
      );
    case "carousel": {
      const source = block.source;
      return (
        <div className="space-y-3">
          <BlockInput id={`${id}-title`} label="Title" value={block.title} onChange={(title) => set({ ...block, title })} error={err("title")} />
          <div>
            <label htmlFor={`${id}-kind`} className="block text-sm font-medium text-stone-800">
              Products
            </label>
            <select id={`${id}-kind`} value={source.kind} onChange={(e) => set({ ...block, source: { ...source, kind: e.target.value } })} className={input}>
              <option value="featured">This week’s featured products</option>
              <option value="category">From a category</option>
              <option value="tag">With a dietary tag</option>
              <option value="products">Hand-picked</option>
            </select>
          </div>
          {source.kind === "category" && (
            <div>
              <label htmlFor={`${id}-category`} className="block text-sm font-medium text-stone-800">
                Category
              </label>
              <select id={`${id}-category`} value={source.category ?? ""} onChange={(e) => set({ ...block, source: { ...source, category: e.target.value } })} className={input} aria-describedby={err("source.category") ? `${id}-category-error` : undefined}>
                <option value="">Choose a category</option>
                {categories.map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {c.name}
                  </option>
                ))}
              </select>
              {err("source.category") && (
                <p id={`${id}-category-error`} className="mt-1 text-sm font-medium text-accent-600">
                  {err("source.category")!.join(" ")}
                </p>
              )}
            </div>
          )}
          {source.kind === "tag" && (
            <div>
              <label htmlFor={`${id}-tag`} className="block text-sm font-medium text-stone-800">
                Dietary tag
              </label>
              <select id={`${id}-tag`} value={source.tag ?? ""} onChange={(e) => set({ ...block, source: { ...source, tag: e.target.value } })} className={input}>
                <option value="">Choose a tag</option>
                {CAROUSEL_TAGS.map((tag) => (
                  <option key={tag} value={tag}>
                    {DIET_NAMES[tag]}
                  </option>
                ))}
              </select>
              {err("source.tag") && <p className="mt-1 text-sm font-medium text-accent-600">{err("source.tag")!.join(" ")}</p>}
            </div>
          )}
          {source.kind === "products" && (
            <BlockInput
              id={`${id}-products`}
              label="Product addresses, separated by commas (as in /p/bananas: bananas)"
              value={(source.products ?? []).join(",")}
              onChange={(v) => set({ ...block, source: { ...source, products: v.split(",") } })}
              error={errors[`${path}.source.products`] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.source.products.`))?.[1]}
            />
          )}
          <BlockInput id={`${id}-max`} label="How many products at most" type="number" value={String(block.maxItems)} onChange={(maxItems) => set({ ...block, maxItems })} error={err("maxItems")} />
        </div>
      );
    }
    case "promoTiles":
      return (
        <div className="space-y-4">
          {block.tiles.map((tile, t) => {
            const setTile = (next: Tile) => set({ ...block, tiles: block.tiles.map((x, i) => (i === t ? next : x)) });
            return (
              <fieldset key={t} className="space-y-3 rounded-xl border border-stone-200 p-3">
                <legend className="px-1 text-sm font-semibold">Tile {t + 1}</legend>
                <BlockInput id={`${id}-t${t}-title`} label="Title" value={tile.title} onChange={(title) => setTile({ ...tile, title })} error={err(`tiles.${t}.title`)} />
                <BlockInput id={`${id}-t${t}-text`} label="Text" optional value={tile.text} onChange={(text) => setTile({ ...tile, text })} error={err(`tiles.${t}.text`)} />
                <LinkInputs id={`${id}-t${t}-link`} path={`${path}.tiles.${t}.link`} label="Link" link={tile.link} onChange={(link) => setTile({ ...tile, link })} errors={errors} />
                <div>
                  <label htmlFor={`${id}-t${t}-colour`} className="block text-sm font-medium text-stone-800">
                    Colour
                  </label>
                  <select id={`${id}-t${t}-colour`} value={tile.colour} onChange={(e) => setTile({ ...tile, colour: e.target.value })} className={input}>
                    {PROMO_COLOURS.map((c) => (
                      <option key={c} value={c}>
                        {COLOUR_NAMES[c]}
                      </option>
                    ))}
                  </select>
                </div>
                {block.tiles.length > 1 && (
                  <button type="button" className={smallButton} onClick={() => set({ ...block, tiles: block.tiles.filter((_, i) => i !== t) })}>
                    Remove tile {t + 1}
                  </button>
                )}
              </fieldset>
            );
          })}
          {err("tiles") && <p className="text-sm font-medium text-accent-600">{err("tiles")!.join(" ")}</p>}
          {block.tiles.length < 4 && (
            <button type="button" className={smallButton} onClick={() => set({ ...block, tiles: [...block.tiles, { title: "", text: "", colour: "green" }] })}>
              Add a tile
            </button>
          )}
        </div>
      );
    case "richText":
      return (
        <div>
          <RichTextEditor label="Text" value={block.doc} onChange={(doc) => set({ ...block, doc })} errorId={err("doc") ? `${id}-doc-error` : undefined} />
          {err("doc") && (
            <p id={`${id}-doc-error`} className="mt-1 text-sm font-medium text-accent-600">
              {err("doc")!.join(" ")}
            </p>
          )}
        </div>
      );
    case "image":
      return (
        <div className="space-y-3">
          <MediaPicker name={`blockMedia.${index}`} recent={recent} defaultValue={block.mediaId} label="Picture" errors={err("mediaId")} />
          <BlockInput id={`${id}-alt`} label="Description (for people who cannot see it)" value={block.alt} onChange={(alt) => set({ ...block, alt })} error={err("alt")} />
          <BlockInput id={`${id}-caption`} label="Caption" optional value={block.caption ?? ""} onChange={(caption) => set({ ...block, caption })} error={err("caption")} />
        </div>
      );
  }
}

function PageForm({ page, state, action, pending, recent, categories }: { page: EditorPage; state: ActionState; action: (form: FormData) => void; pending: boolean; recent: PickableMedia[]; categories: CategoryOption[] }) {
  const v = state.values;
  const [title, setTitle] = useState(v?.title ?? page.title);
  const [description, setDescription] = useState(v?.description ?? page.description);
  const [blocks, setBlocks] = useState<Keyed[]>(() => {
    try {
      return keyed(v?.blocks ? (JSON.parse(v.blocks) as unknown[]) : page.blocks);
    } catch {
      return keyed(page.blocks);
    }
  });
  const [adding, setAdding] = useState<BlockType>("richText");
  const added = useRef(0);
  const errors: Errors = state.errors ?? {};
  const move = (from: number, to: number) =>
    setBlocks((list) => {
      const next = [...list];
      const [item] = next.splice(from, 1);
      next.splice(to, 0, item);
      return next;
    });
  return (
    <form action={action} noValidate className="space-y-6" aria-label="Page">
      <FormKeyField formKey={keyOf("page", page.id)} />
      <input type="hidden" name="id" value={page.id} />
      <input type="hidden" name="version" value={v?.version ?? page.version} />
      <input type="hidden" name="blocks" value={JSON.stringify(toStored(blocks))} />
      <div className="grid gap-4 md:grid-cols-2">
        <BlockInput id="field-title" name="title" label="Title" value={title} onChange={setTitle} error={errors.title} maxLength={120} />
        <BlockInput id="field-description" name="description" label="Description for search engines" optional value={description} onChange={setDescription} error={errors.description} maxLength={300} />
      </div>
      <section aria-labelledby="blocks-heading" className="space-y-4">
        <h2 id="blocks-heading" className="text-xl font-bold">
          Blocks
        </h2>
        <noscript>
          <p className="text-stone-700">Editing blocks needs JavaScript. Without it you can change the title and description; the blocks are saved as they are.</p>
        </noscript>
        {errors.blocks && <p className="text-sm font-medium text-accent-600">{errors.blocks.join(" ")}</p>}
        {blocks.length === 0 && <p className="text-stone-600">No blocks yet: add the first one below.</p>}
        <ol className="space-y-4">
          {blocks.map(({ key, block }, i) => (
            <li key={key}>
              <fieldset className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4" data-testid="block-editor">
                <legend className="px-1 font-bold">
                  Block {i + 1}: {BLOCK_LABELS[block.type] ?? block.type}
                </legend>
                {errors[`blocks.${i}`] && <p className="text-sm font-medium text-accent-600">{errors[`blocks.${i}`]!.join(" ")}</p>}
                <BlockFields block={block} index={i} id={key} errors={errors} recent={recent} categories={categories} set={(next) => setBlocks((list) => list.map((b, j) => (j === i ? { key: b.key, block: next } : b)))} />
                <div className="flex flex-wrap gap-2 border-t border-stone-100 pt-3">
                  <button type="button" className={smallButton} disabled={i === 0} onClick={() => move(i, i - 1)}>
                    Move up<span className="sr-only"> block {i + 1}</span>
                  </button>
                  <button type="button" className={smallButton} disabled={i === blocks.length - 1} onClick={() => move(i, i + 1)}>
                    Move down<span className="sr-only"> block {i + 1}</span>
                  </button>
                  <button type="button" className={`${smallButton} text-accent-600`} onClick={() => setBlocks((list) => list.filter((_, j) => j !== i))}>
                    Remove<span className="sr-only"> block {i + 1}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        {blocks.length < MAX_BLOCKS && (
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="new-block-type" className="block text-sm font-medium text-stone-800">
                New block
              </label>
              <select id="new-block-type" value={adding} onChange={(e) => setAdding(e.target.value as BlockType)} className={input}>
                {(Object.keys(BLOCK_LABELS) as BlockType[]).map((type) => (
                  <option key={type} value={type}>
                    {BLOCK_LABELS[type]}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className={smallButton} onClick={() => setBlocks((list) => [...list, ...keyed([NEW_BLOCKS[adding]()], `n${added.current++}-`)])}>
              Add block
            </button>
          </div>
        )}
      </section>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : "Save draft"}
        </button>
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}

/** The editor; remounted at each new version of the page, so a save or restore shows what the server holds. */
export function PageEditor({ page, recent, categories }: { page: EditorPage; recent: PickableMedia[]; categories: CategoryOption[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(savePageDraft, useFlashState(keyOf("page", page.id), {}));
  return <PageForm key={page.version} page={page} state={state} action={action} pending={pending} recent={recent} categories={categories} />;
}
