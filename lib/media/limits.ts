// Upload limits the browser checks too (components/media), before sending a file. Imports nothing.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What the file inputs accept; the server still checks the bytes. */
export const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp";
export const TOO_LARGE_MESSAGE = "The file is larger than 10 MB.";

/** The most a back-office form post may weigh: a 10 MB picture and the form around it (next.config.ts). */
export const MAX_FORM_POST_BYTES = 11 * 1024 * 1024;
/** The query parameter a page reads to say its upload was too large (set by proxy.ts). */
export const TOO_LARGE_PARAM = "upload";

/**
 * Where to send a form post too large to read (proxy.ts): back to its page, which then says the file
 * is larger than 10 MB, instead of Next.js failing on its body size limit. Null when it is not one.
 */
export function oversizedPostTarget(method: string, contentLength: string | null, url: URL): URL | null {
  if (method !== "POST" || !contentLength || !(Number(contentLength) > MAX_FORM_POST_BYTES)) return null;
  const target = new URL(url);
  target.search = "";
  target.searchParams.set(TOO_LARGE_PARAM, "too-large");
  return target;
}
