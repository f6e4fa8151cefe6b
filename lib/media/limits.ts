// Upload limits the browser checks too (components/media), before sending a file. Imports nothing.

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What the file inputs accept; the server still checks the bytes. */
export const ACCEPTED_TYPES = "image/jpeg,image/png,image/webp";
export const TOO_LARGE_MESSAGE = "The file is larger than 10 MB.";
