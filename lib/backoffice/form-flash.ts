// Post/Redirect/Get for back-office forms posted without JavaScript (docs/backoffice.md, "Without
// JavaScript"). Next.js answers such a post on a partially prerendered page without its shell (a
// blank page), so backOfficeAction answers it with a 303 back to the form's page instead, carrying
// the action's state (field errors, message, what was typed) in a short-lived cookie; proxy.ts
// hands the cookie to that page's render once (lib/auth/admin-gate.ts) and the form shows it.
// The pure rules live here: the form's key, where to go back to, what the cookie may hold.
import type { ActionState } from "@/lib/actions";
import { safeNextPath } from "@/lib/auth/safe-path";

/** The hidden field naming the form a post came from (components/backoffice/form-flash.tsx adds it). */
export const FORM_KEY_FIELD = "$form";
export const FORM_FLASH_COOKIE = "halles_form_flash";
/** The request header proxy.ts moves the cookie into for the page's render (never trusted from the client). */
export const FORM_FLASH_HEADER = "x-halles-form-flash";
export const FORM_FLASH_MAX_AGE = 60;
/** Browsers keep cookies up to 4 KB with their name and attributes. */
export const FORM_FLASH_MAX_LENGTH = 3500;

export type FormFlash = { form: string; state: ActionState };

const KEY_PATTERN = /^[\w:.\- ]{1,200}$/u;

/** The form's key from its hidden field, removed from the data so zod and the kept values never see it; null if absent or malformed. */
export function takeFormKey(formData: FormData): string | null {
  const key = formData.get(FORM_KEY_FIELD);
  formData.delete(FORM_KEY_FIELD);
  return typeof key === "string" && KEY_PATTERN.test(key) ? key : null;
}

/** A key for one form: the action's name, and for repeated forms on a page (one per variant, per line) what tells them apart. */
export function formKey(name: string, discriminator?: string | number): string {
  const key = discriminator === undefined ? name : `${name}:${discriminator}`;
  return key.replace(/[^\w:.\- ]/gu, "_").slice(0, 200);
}

/** The back-office page a post came from: the Referer's path and query if it is this site's and under /admin, else /admin. */
export function returnPathFrom(referer: string | null, host: string | null): string {
  if (!referer || !host) return "/admin";
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return "/admin";
  }
  if (url.host !== host || (url.protocol !== "http:" && url.protocol !== "https:")) return "/admin";
  const path = safeNextPath(`${url.pathname}${url.search}`, "/admin");
  return path === "/admin" || path.startsWith("/admin/") || path.startsWith("/admin?") ? path : "/admin";
}

const encode = (flash: FormFlash) => Buffer.from(JSON.stringify(flash), "utf8").toString("base64url");

/**
 * The cookie's value for `state` of form `form`: never a password (fields named like one are
 * dropped), and within FORM_FLASH_MAX_LENGTH — values are dropped first (the errors and message
 * matter more), then the errors, keeping the message.
 */
export function encodeFormFlash(form: string, state: ActionState): string {
  const { values, errors, ...rest } = state;
  const safe = values && Object.fromEntries(Object.entries(values).filter(([name]) => !/pass(word|phrase)?/i.test(name)));
  const attempts: ActionState[] = [
    { ...rest, ...(errors && { errors }), ...(safe && { values: safe }) },
    { ...rest, ...(errors && { errors }) },
    { ...rest, message: (rest.message ?? "").slice(0, 500) },
  ];
  for (const attempt of attempts) {
    const value = encode({ form, state: attempt });
    if (value.length <= FORM_FLASH_MAX_LENGTH) return value;
  }
  return encode({ form, state: { ok: state.ok } });
}

const strings = (value: unknown): value is Record<string, string> =>
  typeof value === "object" && value !== null && Object.values(value).every((v) => typeof v === "string");

const messageLists = (value: unknown): value is Record<string, string[]> =>
  typeof value === "object" && value !== null && Object.values(value).every((v) => Array.isArray(v) && v.every((m) => typeof m === "string"));

/** The flash a cookie (or the header proxy.ts made of it) holds, or null if it holds nothing readable. */
export function decodeFormFlash(raw: string | null | undefined): FormFlash | null {
  if (!raw || raw.length > FORM_FLASH_MAX_LENGTH) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const { form, state } = parsed as { form?: unknown; state?: unknown };
  if (typeof form !== "string" || !KEY_PATTERN.test(form) || typeof state !== "object" || state === null) return null;
  const { ok, message, errors, values } = state as Record<string, unknown>;
  if ((ok !== undefined && typeof ok !== "boolean") || (message !== undefined && typeof message !== "string")) return null;
  if ((errors !== undefined && !messageLists(errors)) || (values !== undefined && !strings(values))) return null;
  return { form, state: { ok, message, errors, values } as ActionState };
}
