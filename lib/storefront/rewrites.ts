// Storefront URLs that need no code to route: plain pages (no listing parameters) are rewritten
// to their store-scoped cached routes by next.config.ts, which is cheaper than running proxy.ts.
// Imported by next.config.ts, so it imports nothing.
import type { Rewrite } from "next/dist/lib/load-custom-routes";

export const STORE_COOKIE = "halles_store";
export const DEFAULT_STORE_SEGMENT = "_default";
export const SLUG_PATTERN = "[a-z0-9]+(?:-[a-z0-9]+)*";
/** The query parameters of listings (lib/catalog/listing-params.ts); URLs with any go through proxy.ts. */
export const LISTING_QUERY_KEYS = ["q", "brand", "diet", "min", "max", "instock", "sort", "page"] as const;

const storeCookie = { type: "cookie" as const, key: STORE_COOKIE, value: `(?<store>${SLUG_PATTERN})` };
const noListingQuery = LISTING_QUERY_KEYS.map((key) => ({ type: "query" as const, key }));
const slug = `:slug(${SLUG_PATTERN})`;

const plainPages: { source: string; destination: string; missing?: { type: "query"; key: string }[] }[] = [
  { source: "/", destination: "/at/:store" },
  { source: `/p/${slug}`, destination: "/at/:store/p/:slug" },
  // Landing pages built in the back office (content pages).
  { source: `/l/${slug}`, destination: "/at/:store/l/:slug" },
  { source: `/c/${slug}`, destination: "/at/:store/c/:slug/-", missing: noListingQuery },
  { source: "/stores", destination: "/at/:store/stores/-", missing: [{ type: "query", key: "postcode" }] },
  // Account pages: dynamic (they read the session), but rendered inside the store's layout.
  { source: "/sign-in", destination: "/at/:store/sign-in" },
  { source: "/sign-up", destination: "/at/:store/sign-up" },
  { source: "/sign-up/confirm", destination: "/at/:store/sign-up/confirm" },
  { source: "/sign-in/forgot", destination: "/at/:store/sign-in/forgot" },
  { source: "/sign-in/reset", destination: "/at/:store/sign-in/reset" },
  { source: "/account", destination: "/at/:store/account" },
  { source: "/account/orders", destination: "/at/:store/account/orders" },
  { source: "/account/orders/:id([0-9a-f-]{36})", destination: "/at/:store/account/orders/:id" },
  // The basket and checkout: dynamic too (they read the basket cookie or the session).
  { source: "/basket", destination: "/at/:store/basket" },
  { source: "/checkout", destination: "/at/:store/checkout" },
];

/** For each plain page: the chosen store when the cookie holds a slug, else the default store. */
export function storefrontRewrites(): Rewrite[] {
  return plainPages.flatMap(({ source, destination, missing = [] }) => [
    { source, destination, has: [storeCookie], missing },
    { source, destination: destination.replace(":store", DEFAULT_STORE_SEGMENT), missing },
  ]);
}
