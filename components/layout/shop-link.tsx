// The storefront's links: next/link (client-side navigation), but prefetched when the shopper shows
// intent (PrefetchOnIntent) rather than as soon as they scroll into view. A catalog page holds
// dozens of links; prefetching every visible one on load cost a phone 100–200 kB of data and the
// main-thread time to read it while the page was starting (docs/web.md, bench/README.md).
import NextLink from "next/link";
import type { ComponentProps } from "react";

export const PREFETCH_ON_INTENT = "data-prefetch-on-intent";

export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...{ [PREFETCH_ON_INTENT]: "" }} {...props} />;
}
