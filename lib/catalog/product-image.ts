// Draws a product's picture as SVG from its name, brand and category, for products without a photo:
// the emoji is drawn as its Fluent Emoji picture (lib/catalog/fluent-emoji.ts), not as text, so it
// shows on machines without an emoji font.
import { FLUENT_VIEWBOX, type FluentIcon } from "./fluent-emoji";

export interface ProductImageInput {
  name: string;
  /** The category's emoji; a more specific one is used when the name names a food that has its own. */
  icon: string;
  /** The category's tile colour, a hex string such as #e8f5e9. */
  color: string;
  brand?: string | null;
  sizeLabel?: string | null;
}

const SIZE = 400;
/** The illustration's size: about what a 120 px emoji glyph covered. */
const ICON_SIZE = 150;
const FALLBACK_COLOR = "#f1f5f9";
const TEXT_COLOR = "#1e293b";
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Emoji for foods and goods a product name names, most specific first: [emoji, words as a regex]. */
const NAMED_EMOJI: [string, RegExp][] = (
  [
    ["🍨", "ice creams?"], ["🍧", "sorbets?"], ["🍍", "pineapples?"], ["🍌", "bananas?"], ["🍎", "apples?"],
    ["🍐", "pears?"], ["🍊", "oranges?|clementines?|mandarins?"], ["🍋", "lemons?"], ["🥝", "kiwis?"],
    ["🥑", "avocados?"], ["🥭", "mango(e?s)?"], ["🍇", "grapes?"], ["🍓", "strawberr(y|ies)"],
    ["🫐", "(raspberr|blueberr)(y|ies)"], ["🍑", "(peach(es)?|nectarines?|apricots?)"], ["🍒", "cherr(y|ies)"],
    ["🍈", "melons?"], ["🥕", "carrots?"], ["🍟", "crisps|chips|fries"], ["🥔", "(sweet )?potato(es)?"],
    ["🧅", "onions?|shallots?"],
    ["🧄", "garlic"], ["🍅", "tomato(es)?"], ["🥒", "cucumbers?|courgettes?"], ["🍆", "aubergines?"],
    ["🫑", "red peppers?"], ["🥦", "broccoli"], ["🍄", "mushrooms?"],
    ["🥬", "lettuce|spinach|rocket|mesclun|salad leaves"], ["🌽", "sweetcorn|corn"], ["🍗", "chicken|turkey|duck"],
    ["🥩", "steak|beef|burgers?"], ["🥓", "bacon|ham|lardons"], ["🌭", "sausages?|merguez"],
    ["🦐", "prawns?|shrimps?"], ["🦪", "oysters?"], ["🍣", "sushi"],
    ["🐟", "salmon|cod|tuna|sardines?|mackerel|hake|sea bream|fish"], ["🥛", "chocolate milk"],
    ["🍫", "chocolates?"], ["🥐", "croissants?|pains? au"], ["🥖", "baguette"], ["🍞", "bread|loaf|pitta"],
    ["🍪", "cookies?|biscuits?|galettes|speculoos"], ["🍰", "cakes?|tart|madeleines?|financiers|brownies"],
    ["🍕", "pizza"], ["🍝", "spaghetti|penne|fusilli|tagliatelle|pasta|lasagne|ravioli"], ["🍚", "rice"],
    ["🥜", "peanuts?|cashews?|pistachios?|nuts"], ["🥚", "eggs?"], ["🧈", "butter"], ["🥛", "milk"], ["🍯", "honey"],
    ["🧀", "cheese|cheddar|brie|comte|camembert"], ["🍾", "champagne|cremant"],
    ["🍷", "wine|rose|bordeaux|chablis|sancerre|beaujolais"], ["🍺", "beer|lager|ale|ipa"], ["🍏", "cider"],
    ["🥃", "whisky|cognac|calvados|armagnac|gin"], ["☕", "coffee"], ["🍵", "tea"], ["🧃", "juice"], ["💧", "water"],
    ["🧂", "salt|fleur de sel"], ["🍿", "popcorn"], ["🧼", "soap"], ["🪥", "toothpaste|toothbrushes"],
    ["🧻", "toilet paper|kitchen rolls?"], ["🧽", "sponges?"],
  ] as [string, string][]
).map(([emoji, words]) => [emoji, new RegExp(`\\b(${words})\\b`)]);

/** Every emoji a product's name can call for (each must have a Fluent icon: fluent-emoji.test.ts). */
export const NAMED_EMOJI_LIST: string[] = NAMED_EMOJI.map(([emoji]) => emoji);

/** Text for XML: the five special characters escaped and characters XML forbids dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** The emoji for a product: one named by its name, else the category's. */
export function productEmoji(name: string, categoryIcon: string): string {
  const plain = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const named = NAMED_EMOJI.find(([, pattern]) => pattern.test(plain));
  return named ? named[0] : [...categoryIcon.trim()].slice(0, 4).join("") || "🛒";
}

/**
 * Breaks text into at most `maxLines` lines of about `width` characters, splitting words that
 * are too long and ending with an ellipsis when the text does not fit.
 */
export function wrapText(text: string, width: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean).flatMap((word) => {
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += width) parts.push(word.slice(i, i + width));
    return parts;
  });
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const tail = kept[maxLines - 1];
  kept[maxLines - 1] = `${tail.length >= width ? tail.slice(0, width - 1).trimEnd() : tail}…`;
  return kept;
}

function normalizeColor(color: string): string {
  const hex = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(hex)) return hex;
  if (/^#[0-9a-f]{3}$/.test(hex)) return `#${[...hex.slice(1)].map((c) => c + c).join("")}`;
  return FALLBACK_COLOR;
}

/** The colour mixed towards black by `amount` (0–1), for accents that read on the pastel. */
function darken(hex: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - amount)));
  return `#${channels.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Name lines and font size: two lines of large type when they fit, else three smaller ones. */
function layoutName(name: string): { lines: string[]; fontSize: number } {
  const large = wrapText(name, 20, 2);
  if (!large[large.length - 1].endsWith("…")) return { lines: large, fontSize: 28 };
  return { lines: wrapText(name, 25, 3), fontSize: 23 };
}

/**
 * An SVG picture of a product, 400 × 400, the same for the same input: `icon` is the Fluent picture
 * of productEmoji(name, category icon).
 */
export function renderProductImage(input: ProductImageInput, icon: FluentIcon): string {
  const background = normalizeColor(input.color);
  const accent = darken(background, 0.55);
  const name = input.name.trim() || "Product";
  const brand = input.brand?.trim() ? wrapText(input.brand.trim().toUpperCase(), 30, 1)[0] : null;
  const size = input.sizeLabel?.trim() ? wrapText(input.sizeLabel.trim(), 16, 1)[0] : null;
  const { lines, fontSize } = layoutName(name);

  const seed = hash(name);
  const dots = [0, 1, 2].map((i) => {
    const x = 40 + ((seed >>> (i * 5)) % 320);
    const y = 30 + ((seed >>> (i * 7 + 3)) % 200);
    const r = 14 + ((seed >>> (i * 3 + 1)) % 26);
    return `<circle cx="${x}" cy="${y}" r="${r}" fill="#ffffff" fill-opacity="0.45"/>`;
  });

  const lineHeight = Math.round(fontSize * 1.2);
  const panelHeight = 28 + (brand ? 22 : 0) + lines.length * lineHeight;
  const panelTop = SIZE - 20 - panelHeight;
  let y = panelTop + 16;
  const texts: string[] = [];
  if (brand) {
    y += 14;
    texts.push(`<text x="200" y="${y}" font-size="13" font-weight="600" letter-spacing="2" fill="${accent}">${escapeXml(brand)}</text>`);
    y += 8;
  }
  for (const line of lines) {
    y += lineHeight;
    texts.push(`<text x="200" y="${y - Math.round(lineHeight * 0.22)}" font-size="${fontSize}" font-weight="700" fill="${TEXT_COLOR}">${escapeXml(line)}</text>`);
  }
  const emojiCenter = Math.round(panelTop / 2) + 6;
  const sizePill = size
    ? `<g><rect x="${SIZE - 24 - (size.length * 8 + 24)}" y="22" width="${size.length * 8 + 24}" height="30" rx="15" fill="#ffffff" fill-opacity="0.85"/>` +
      `<text x="${SIZE - 24 - (size.length * 8 + 24) / 2}" y="42" text-anchor="middle" font-family="${FONT}" font-size="14" font-weight="600" fill="${accent}">${escapeXml(size)}</text></g>`
    : "";

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}" role="img" aria-label="${escapeXml(name)}">`,
    `<title>${escapeXml(name)}</title>`,
    `<defs><radialGradient id="glow" cx="50%" cy="50%" r="50%"><stop offset="0" stop-color="#ffffff" stop-opacity="0.9"/><stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>`,
    `<rect width="${SIZE}" height="${SIZE}" fill="${background}"/>`,
    ...dots,
    `<circle cx="200" cy="${emojiCenter}" r="118" fill="url(#glow)"/>`,
    `<svg x="${200 - ICON_SIZE / 2}" y="${emojiCenter - ICON_SIZE / 2}" width="${ICON_SIZE}" height="${ICON_SIZE}" viewBox="${FLUENT_VIEWBOX}" data-icon="${escapeXml(icon.name)}">${icon.body}</svg>`,
    sizePill,
    `<rect x="20" y="${panelTop}" width="${SIZE - 40}" height="${panelHeight}" rx="18" fill="#ffffff" fill-opacity="0.8"/>`,
    `<g text-anchor="middle" font-family="${FONT}">${texts.join("")}</g>`,
    `</svg>`,
  ].join("");
}
