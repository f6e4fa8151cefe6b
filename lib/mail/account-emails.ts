// The account e-mails (confirm a new address, "you already have an account", reset a password, a new
// staff account's first password) as subject, HTML and plain text. Pure: the notification worker builds the link and sends the result.
import type { AccountEmailKind } from "@/lib/jobs/tasks";
import { escapeHtml, type RenderedEmail } from "./order-emails";

const COPY: Record<AccountEmailKind, { subject: string; intro: string; action: string; outro: string }> = {
  "verify-email": {
    subject: "Confirm your e-mail address for Halles",
    intro: "Thanks for signing up to Halles. Open this link to confirm your e-mail address and finish creating your account:",
    action: "Confirm my e-mail address",
    outro: "The link works for 24 hours. If you did not sign up, ignore this e-mail: no account is created without it.",
  },
  "account-exists": {
    subject: "You already have a Halles account",
    intro:
      "Someone, probably you, tried to create a Halles account with this e-mail address. You already have one, so nothing was changed. Sign in with your password, or if you have forgotten it, choose a new one here:",
    action: "Choose a new password",
    outro: "The link works for 1 hour. If this was not you, you can ignore this e-mail: your account is safe.",
  },
  "reset-password": {
    subject: "Choose a new Halles password",
    intro: "We received a request to reset your Halles password. Open this link to choose a new one:",
    action: "Choose a new password",
    outro: "The link works for 1 hour. If you did not ask for this, ignore this e-mail: your password stays as it is.",
  },
  "staff-invite": {
    subject: "Your Halles back-office account",
    intro: "An administrator has created a Halles back-office account for you. Open this link to choose your password; you are then signed in:",
    action: "Choose my password",
    outro: "The link works for 3 days. If it has expired, use \"Forgot your password?\" on the sign-in page, or ask your administrator.",
  },
};

export function renderAccountEmail(kind: AccountEmailKind, view: { name: string; link: string }): RenderedEmail {
  const copy = COPY[kind];
  const text = [`Hello ${view.name},`, "", copy.intro, "", view.link, "", copy.outro, "", "Halles"].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(copy.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#111827;max-width:640px;margin:0 auto;padding:16px">
<p>Hello ${escapeHtml(view.name)},</p>
<p>${escapeHtml(copy.intro)}</p>
<p><a href="${escapeHtml(view.link)}" style="display:inline-block;background:#166534;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(copy.action)}</a></p>
<p style="font-size:13px;color:#4b5563">${escapeHtml(view.link)}</p>
<p>${escapeHtml(copy.outro)}</p>
<p>Halles</p>
</body></html>
`;
  return { subject: copy.subject, html, text };
}

/** The page each e-mail links to, on the shop's public URL. */
export function accountEmailLink(publicUrl: string, kind: AccountEmailKind, token: string, next?: string): string {
  const path = kind === "verify-email" ? "/sign-up/confirm" : "/sign-in/reset";
  const query = new URLSearchParams({ token, ...(next ? { next } : {}) });
  return `${publicUrl.replace(/\/$/, "")}${path}?${query}`;
}
