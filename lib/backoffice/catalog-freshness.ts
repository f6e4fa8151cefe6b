// After a committed catalog change made in the web app: expire the storefront's cache tags it
// touched at once (the next shopper's request reads the database), and refresh the search
// lexicon when product names changed. Changes made by workers enqueue `refresh-storefront` instead.
import "server-only";
import { revalidateTag } from "next/cache";
import { getDb } from "@/db/client";
import { refreshSearchTerms } from "@/db/queries/products";
import { logger } from "@/lib/logger";

export async function publishCatalogChange(tags: string[], options: { searchTerms?: boolean } = {}): Promise<void> {
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 });
  if (options.searchTerms) {
    // The change is committed either way: a failed lexicon refresh only delays typo corrections.
    await refreshSearchTerms(getDb()).catch((error: unknown) => logger.warn({ err: error }, "search lexicon refresh failed"));
  }
}
