export const CACHE_TAGS_CHANNEL: string;

/** What Next.js passes to a cache handler's updateTags. */
export type TagDurations = { expire?: number } | undefined;

export type TagNotification = { tags: string[]; durations: TagDurations; from: string | undefined };

export function encodeTagNotifications(tags: readonly string[], durations: TagDurations, from?: string): string[];

export function decodeTagNotification(payload: string): TagNotification | null;
