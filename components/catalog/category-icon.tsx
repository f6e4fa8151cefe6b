// A category's emoji drawn as its Fluent Emoji picture (inline SVG), the same on every machine:
// decorative, the category's name is always written next to it.
import { FLUENT_VIEWBOX, fluentIcon } from "@/lib/catalog/fluent-emoji";

export async function CategoryIcon({ emoji, className }: { emoji: string; className: string }) {
  const icon = await fluentIcon(emoji);
  // The body comes from the icon set in node_modules, never from what people type.
  return <svg aria-hidden="true" focusable="false" viewBox={FLUENT_VIEWBOX} className={className} data-icon={icon.name} dangerouslySetInnerHTML={{ __html: icon.body }} />;
}
