// Emoji drawn as pictures: Microsoft's Fluent Emoji (flat style, MIT licence) from the Iconify set
// @iconify-json/fluent-emoji-flat. A product without a photo and a category tile show the picture
// of their emoji, so they look the same on every machine, with or without an emoji font.
import chars from "@iconify-json/fluent-emoji-flat/chars.json";

/** The set's grid: every icon's body is drawn in a 32 × 32 box. */
export const FLUENT_VIEWBOX = "0 0 32 32";
/** For an emoji the set does not have (or text that is not an emoji): a shopping bag. */
export const FALLBACK_ICON = "shopping-bags";

const charMap = chars as Record<string, string>;

/** "🍎" → "1f34e"; the emoji presentation selector (U+FE0F) is left out, as the set's keys do. */
export function emojiKey(emoji: string): string {
  return [...emoji.trim()]
    .map((c) => c.codePointAt(0)!.toString(16))
    .filter((cp) => cp !== "fe0f")
    .join("-");
}

/** The set's icon for an emoji ("🍎" → "red-apple"), or null when it has none. */
export function fluentIconName(emoji: string): string | null {
  const key = emojiKey(emoji);
  return charMap[key] ?? charMap[`${key}-fe0f`] ?? null;
}

type IconSet = { icons: Record<string, { body: string }> };
let iconSet: Promise<IconSet> | undefined;

/**
 * The whole set (3,000+ icons, ~9 MB of JSON), read once per process when a picture first needs
 * it; next.config.ts keeps the package outside the bundle so that Node.js loads it from node_modules.
 */
function loadIconSet(): Promise<IconSet> {
  iconSet ??= import("@iconify-json/fluent-emoji-flat").then((m) => m.icons as IconSet);
  return iconSet;
}

export type FluentIcon = { name: string; body: string };

/** The icon drawn for an emoji: its own, else the fallback; the body fits a FLUENT_VIEWBOX box. */
export async function fluentIcon(emoji: string): Promise<FluentIcon> {
  const { icons } = await loadIconSet();
  const name = fluentIconName(emoji);
  if (name && icons[name]) return { name, body: icons[name].body };
  return { name: FALLBACK_ICON, body: icons[FALLBACK_ICON].body };
}

/** The icon as a standalone SVG document (`size` pixels square). */
export function fluentSvg(icon: FluentIcon, size = 32): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${FLUENT_VIEWBOX}" width="${size}" height="${size}">${icon.body}</svg>`;
}
