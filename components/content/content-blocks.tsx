// A content page's blocks on the storefront, drawn with the storefront's own components (product
// cards, prices, next/image pictures). Every text is a React text node; links come from the
// blocks' validated hrefs.
import { Link } from "@/components/layout/shop-link";
import type { ReactNode } from "react";
import { MediaImage } from "@/components/media/media-image";
import { ProductGrid } from "@/components/product/product-card";
import type { PromoColour } from "@/lib/content/blocks";
import type { ResolvedBlock } from "@/lib/content/data";
import { RichText } from "./rich-text";

const TILE_COLOURS: Record<PromoColour, string> = {
  green: "bg-brand-700 text-white",
  orange: "bg-accent-600 text-white",
  cream: "bg-amber-50 text-stone-900 ring-1 ring-amber-200",
  stone: "bg-stone-800 text-white",
};

/** A link to this storefront (client navigation) or an https page elsewhere. */
function BlockLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  return href.startsWith("/") ? (
    <Link href={href} className={className}>
      {children}
    </Link>
  ) : (
    <a href={href} className={className} rel="noopener noreferrer">
      {children}
    </a>
  );
}

function Hero({ block, kicker, isTitle }: { block: Extract<ResolvedBlock, { type: "hero" }>; kicker?: string; isTitle: boolean }) {
  const Heading = isTitle ? "h1" : "h2";
  return (
    <section className="grid items-center gap-6 overflow-hidden rounded-3xl bg-gradient-to-br from-brand-700 to-brand-800 px-6 py-10 text-white sm:px-10 md:grid-cols-[3fr_2fr]" data-block="hero">
      <div>
        {kicker && <p className="text-sm font-semibold tracking-wide text-brand-100 uppercase">{kicker}</p>}
        <Heading className="mt-2 max-w-2xl text-3xl font-extrabold sm:text-4xl">{block.title}</Heading>
        {block.text && <p className="mt-3 max-w-xl text-brand-50">{block.text}</p>}
        {(block.link || block.secondaryLink) && (
          <div className="mt-6 flex flex-wrap gap-3">
            {block.link && (
              <BlockLink href={block.link.href} className="rounded-full bg-white px-5 py-2.5 font-semibold text-brand-800 hover:bg-brand-50">
                {block.link.label}
              </BlockLink>
            )}
            {block.secondaryLink && (
              <BlockLink href={block.secondaryLink.href} className="rounded-full border border-white/60 px-5 py-2.5 font-semibold hover:bg-white/10">
                {block.secondaryLink.label}
              </BlockLink>
            )}
          </div>
        )}
      </div>
      {block.picture && <MediaImage media={block.picture} sizes="(min-width: 768px) 40vw, 100vw" priority={isTitle} className="h-auto w-full rounded-2xl" />}
    </section>
  );
}

function Block({ block, index, kicker, isTitle }: { block: ResolvedBlock; index: number; kicker?: string; isTitle: boolean }) {
  const headingId = `block-${index}`;
  switch (block.type) {
    case "hero":
      return <Hero block={block} kicker={kicker} isTitle={isTitle} />;
    case "carousel":
      return (
        <section aria-labelledby={headingId} data-block="carousel">
          <h2 id={headingId} className="mb-4 text-2xl font-bold">
            {block.title}
          </h2>
          {block.products?.length ? <ProductGrid products={block.products} label={block.title} /> : <p className="text-stone-600">No products to show here at the moment.</p>}
        </section>
      );
    case "promoTiles":
      return (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-block="promo-tiles" aria-label="Offers">
          {block.tiles.map((tile, i) => (
            <li key={i} className={`relative flex flex-col gap-2 rounded-2xl p-5 ${TILE_COLOURS[tile.colour]}`}>
              <h2 className="text-xl font-bold">{tile.title}</h2>
              {tile.text && <p>{tile.text}</p>}
              {tile.link && (
                <BlockLink href={tile.link.href} className="mt-auto font-semibold underline after:absolute after:inset-0">
                  {tile.link.label}
                </BlockLink>
              )}
            </li>
          ))}
        </ul>
      );
    case "richText":
      return (
        <section data-block="rich-text">
          <RichText doc={block.doc} />
        </section>
      );
    case "image":
      return block.picture ? (
        <figure data-block="image">
          <MediaImage media={block.picture} sizes="(min-width: 1280px) 1200px, 100vw" priority={isTitle} className="h-auto w-full rounded-2xl" />
          {block.caption && <figcaption className="mt-2 text-sm text-stone-600">{block.caption}</figcaption>}
        </figure>
      ) : null;
  }
}

/**
 * The blocks in order. The first hero is the page's h1 when it opens the page; otherwise the
 * page's title is (visible with `showTitle`, else for screen readers only).
 */
export function ContentBlocks({ title, blocks, kicker, showTitle = false }: { title: string; blocks: ResolvedBlock[]; kicker?: string; showTitle?: boolean }) {
  const heroFirst = blocks[0]?.type === "hero";
  return (
    <div className="space-y-10">
      {!heroFirst && <h1 className={showTitle ? "text-3xl font-extrabold" : "sr-only"}>{title}</h1>}
      {blocks.map((block, i) => (
        <Block key={i} block={block} index={i} kicker={i === 0 ? kicker : undefined} isTitle={heroFirst && i === 0} />
      ))}
    </div>
  );
}
