// The blocks content pages are built from (hero, product carousel, promo tiles, rich text, image),
// as zod schemas: checked before a save is written and again when a stored page is read, so that
// the storefront renders only what these schemas let through.
import { z } from "zod";
import type { DietaryTag } from "@/db/schema";
import { SLUG_PATTERN } from "@/lib/storefront/rewrites";
import { RICH_TEXT_LIMITS, safeLinkHref, sanitizeRichText, type RichDoc } from "./rich-text";

export const MAX_BLOCKS = 30;
export const MAX_CAROUSEL_ITEMS = 24;
/** The dietary tags a carousel can list (db/schema/catalog.ts); a literal here, as the editor imports this module. */
export const CAROUSEL_TAGS = ["organic", "vegan", "vegetarian", "gluten_free", "lactose_free"] as const satisfies readonly DietaryTag[];
export const PROMO_COLOURS = ["green", "orange", "cream", "stone"] as const;
export type PromoColour = (typeof PROMO_COLOURS)[number];

const slugRegex = new RegExp(`^${SLUG_PATTERN}$`);
const slug = (what: string) => z.string().trim().max(120).regex(slugRegex, `Enter the ${what}'s address name, like "fresh-fruit".`);
const text = (max: number, required?: string) => (required ? z.string().trim().min(1, required).max(max, `Use at most ${max} characters.`) : z.string().trim().max(max, `Use at most ${max} characters.`));

/**
 * A link on a block: a path on this storefront ("/c/fruit", "/l/summer") or an https URL.
 * javascript:, data:, protocol-relative ("//…") and plain http are refused.
 */
export const storefrontHref = z
  .string()
  .trim()
  .min(1, "Enter where the link goes.")
  .max(2000, "This link is too long.")
  .refine((href) => {
    const safe = safeLinkHref(href);
    return safe !== null && (safe.startsWith("/") || safe.startsWith("https://"));
  }, 'Enter a storefront path like "/c/fruit" or an address starting with https://.');

const link = z.object({ label: text(60, "Enter the link's text."), href: storefrontHref });
const mediaId = z.uuid("Choose an image.");

export const heroBlock = z.object({
  type: z.literal("hero"),
  title: text(120, "Enter a title."),
  text: text(400),
  link: link.optional(),
  secondaryLink: link.optional(),
  image: z.object({ mediaId, alt: text(200) }).optional(),
});

export const carouselSource = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("category"), category: slug("category") }),
  z.object({ kind: z.literal("tag"), tag: z.enum(CAROUSEL_TAGS, "Choose a dietary tag.") }),
  z.object({ kind: z.literal("featured") }),
  z.object({
    kind: z.literal("products"),
    products: z.array(slug("product")).min(1, "Name at least one product.").max(MAX_CAROUSEL_ITEMS, `Pick at most ${MAX_CAROUSEL_ITEMS} products.`),
  }),
]);

export const carouselBlock = z.object({
  type: z.literal("carousel"),
  title: text(120, "Enter a title."),
  source: carouselSource,
  maxItems: z.coerce.number().int("Enter a whole number.").min(1, "Show at least 1 product.").max(MAX_CAROUSEL_ITEMS, `Show at most ${MAX_CAROUSEL_ITEMS} products.`),
});

export const promoTile = z.object({
  title: text(80, "Enter a title."),
  text: text(200),
  link: link.optional(),
  colour: z.enum(PROMO_COLOURS, "Choose a colour."),
});

export const promoTilesBlock = z.object({
  type: z.literal("promoTiles"),
  tiles: z.array(promoTile).min(1, "Add at least one tile.").max(4, "Use at most 4 tiles."),
});

/** A rich text document: reduced to the allow-list (rich-text.ts) after a size check. */
export const richTextDoc = z
  .unknown()
  .refine((doc) => {
    try {
      return JSON.stringify(doc ?? null).length <= RICH_TEXT_LIMITS.jsonChars;
    } catch {
      return false;
    }
  }, "This text is too long: split it into several blocks.")
  .transform((doc): RichDoc => sanitizeRichText(doc));

export const richTextBlock = z.object({ type: z.literal("richText"), doc: richTextDoc });

export const imageBlock = z.object({
  type: z.literal("image"),
  mediaId,
  alt: text(200, "Describe the image for people who cannot see it."),
  caption: text(200).optional(),
});

export const block = z.discriminatedUnion("type", [heroBlock, carouselBlock, promoTilesBlock, richTextBlock, imageBlock], "Unknown block type.");
export const blocksSchema = z.array(block).max(MAX_BLOCKS, `A page holds at most ${MAX_BLOCKS} blocks.`);

export type Block = z.infer<typeof block>;
export type BlockType = Block["type"];
export type HeroBlock = z.infer<typeof heroBlock>;
export type CarouselBlock = z.infer<typeof carouselBlock>;
export type CarouselSource = z.infer<typeof carouselSource>;
export type PromoTilesBlock = z.infer<typeof promoTilesBlock>;
export type RichTextBlock = z.infer<typeof richTextBlock>;
export type ImageBlock = z.infer<typeof imageBlock>;

export const BLOCK_LABELS: Record<BlockType, string> = {
  hero: "Hero",
  carousel: "Product carousel",
  promoTiles: "Promo tiles",
  richText: "Rich text",
  image: "Image",
};

/** Field errors of a blocks list, keyed by path ("blocks.2.title", "blocks.0.tiles.1.link.href"). */
export function blockErrors(error: z.ZodError, prefix = "blocks"): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) (errors[[prefix, ...issue.path.map(String)].join(".")] ??= []).push(issue.message);
  return errors;
}

/**
 * Stored blocks as the storefront may render them: each block is checked on its own, and one
 * that no longer passes (an old row, a hand edit in the database) is left out rather than
 * failing the page.
 */
export function readStoredBlocks(stored: unknown): Block[] {
  if (!Array.isArray(stored)) return [];
  return stored.slice(0, MAX_BLOCKS).flatMap((raw) => {
    const parsed = block.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
}
