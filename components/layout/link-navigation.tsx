"use client";
// What next/link would do for every storefront link (components/layout/shop-link.tsx), done once
// for the page by listeners on the document: a plain click opens the link in place through the App
// Router; a pointer resting on it, a finger touching it or the keyboard focusing it prefetches it,
// so the page is usually ready before the click ends. A click with a modifier key or a middle
// button, a link to another site, a new window or a download stays the browser's.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { SHOP_LINK } from "./shop-link";

const INTENT_EVENTS = ["pointerover", "touchstart", "focusin"] as const;

/** The same-site storefront link an event happened in, if any. */
function shopLinkOf(event: Event): HTMLAnchorElement | null {
  const link = event.target instanceof Element ? event.target.closest(`a[${SHOP_LINK}]`) : null;
  return link instanceof HTMLAnchorElement && link.origin === location.origin ? link : null;
}

export function LinkNavigation() {
  const router = useRouter();
  useEffect(() => {
    const prefetched = new Set<string>();
    const onIntent = (event: Event) => {
      const link = shopLinkOf(event);
      if (!link) return;
      const href = link.pathname + link.search;
      if (prefetched.has(href) || href === location.pathname + location.search) return;
      prefetched.add(href);
      router.prefetch(href);
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = shopLinkOf(event);
      if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      event.preventDefault();
      router.push(link.pathname + link.search + link.hash);
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, { passive: true });
    document.addEventListener("click", onClick);
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent);
      document.removeEventListener("click", onClick);
    };
  }, [router]);
  return null;
}
