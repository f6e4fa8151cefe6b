// The message every web instance's cache handler (shared-cache-handler.mjs) listens for: cache tags
// that were revalidated somewhere, sent with PostgreSQL NOTIFY. Plain JavaScript, as Next.js loads
// the handler without compiling it; the workers send the same message (workers/tasks/refresh-storefront.ts).

/** The PostgreSQL channel. */
export const CACHE_TAGS_CHANNEL = "halles_cache_tags";

// NOTIFY refuses payloads of 8,000 bytes or more: longer lists go in several messages.
const MAX_PAYLOAD_BYTES = 7_000;

/**
 * The payloads announcing that `tags` were revalidated with `durations` (as Next.js passes them to
 * a cache handler's updateTags: undefined expires the tags now). `from` names the sending instance,
 * which has applied them already.
 */
export function encodeTagNotifications(tags, durations, from) {
  const payloads = [];
  let batch = [];
  const encode = (list) => JSON.stringify({ tags: list, ...(durations ? { durations } : {}), ...(from ? { from } : {}) });
  for (const tag of tags) {
    if (batch.length > 0 && Buffer.byteLength(encode([...batch, tag])) > MAX_PAYLOAD_BYTES) {
      payloads.push(encode(batch));
      batch = [];
    }
    batch.push(tag);
  }
  if (batch.length > 0) payloads.push(encode(batch));
  return payloads;
}

/** The message in `payload`, or null when it is not one (it is then ignored). */
export function decodeTagNotification(payload) {
  let message;
  try {
    message = JSON.parse(payload);
  } catch {
    return null;
  }
  if (!message || !Array.isArray(message.tags) || !message.tags.every((tag) => typeof tag === "string")) return null;
  const expire = message.durations?.expire;
  if (message.durations !== undefined && (typeof message.durations !== "object" || (expire !== undefined && typeof expire !== "number"))) return null;
  return { tags: message.tags, durations: message.durations, from: typeof message.from === "string" ? message.from : undefined };
}
