// The storefront's links: plain anchors, rendered on the server, which LinkNavigation (in the
// storefront layout) opens in place through the App Router and prefetches when the shopper shows
// intent. next/link did both per link as a client component, and a page holds 30–55 links:
// each one was hydrated while a phone started the page (bench/README.md, Lighthouse). Before the
// page's JavaScript runs, or without it, they are ordinary links.
import type { ComponentProps } from "react";

export const SHOP_LINK = "data-shop-link";

type Props = Omit<ComponentProps<"a">, "href"> & { href: string };

export function Link(props: Props) {
  return <a {...{ [SHOP_LINK]: "" }} {...props} />;
}
