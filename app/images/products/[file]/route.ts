// Pictures of products without a photo, drawn from the product's name and its category's emoji
// (as its Fluent Emoji illustration).
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/db/client";
import { getProductImageInput } from "@/db/queries/products";
import { TAGS } from "@/lib/cache-tags";
import { fluentIcon } from "@/lib/catalog/fluent-emoji";
import { productEmoji, renderProductImage } from "@/lib/catalog/product-image";

async function productImage(slug: string): Promise<string | null> {
  "use cache";
  cacheTag(TAGS.product(slug));
  cacheLife("hours");
  const input = await getProductImageInput(getDb(), slug);
  return input ? renderProductImage(input, await fluentIcon(productEmoji(input.name, input.icon))) : null;
}

export async function GET(_request: Request, { params }: RouteContext<"/images/products/[file]">) {
  const { file } = await params;
  const slug = /^([a-z0-9-]{1,120})\.svg$/.exec(file)?.[1];
  const svg = slug ? await productImage(slug) : null;
  if (!svg) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
  return new Response(svg, {
    headers: { "content-type": "image/svg+xml", "cache-control": "public, max-age=86400, stale-while-revalidate=604800", "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
