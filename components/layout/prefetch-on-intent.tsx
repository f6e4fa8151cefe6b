"use client";
// Prefetches a storefront link (components/layout/shop-link.tsx) when a pointer rests on it, a
// finger touches it or the keyboard focuses it: the page is usually ready before the click ends.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { PREFETCH_ON_INTENT } from "./shop-link";

const INTENT_EVENTS = ["pointerover", "touchstart", "focusin"] as const;

export function PrefetchOnIntent() {
  const router = useRouter();
  useEffect(() => {
    const prefetched = new Set<string>();
    const onIntent = (event: Event) => {
      const link = event.target instanceof Element ? event.target.closest(`a[${PREFETCH_ON_INTENT}]`) : null;
      if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin) return;
      const href = link.pathname + link.search;
      if (prefetched.has(href) || href === location.pathname + location.search) return;
      prefetched.add(href);
      router.prefetch(href);
    };
    for (const type of INTENT_EVENTS) document.addEventListener(type, onIntent, { passive: true });
    return () => {
      for (const type of INTENT_EVENTS) document.removeEventListener(type, onIntent);
    };
  }, [router]);
  return null;
}
