// Outgoing mail over SMTP with nodemailer; in development and tests the SMTP server is the local
// mail capture (tools/mail-capture), so the default URL points at it.
import nodemailer from "nodemailer";

export const DEFAULT_SMTP_URL = "smtp://127.0.0.1:1025";

export type OutgoingMail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** A stable Message-ID lets mail clients drop a duplicate if one ever slips through. */
  messageId?: string;
  headers?: Record<string, string>;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<{ messageId: string; accepted: string[] }>;
  close(): void;
};

// nodemailer waits up to 10 minutes on a silent server; the notification worker holds a database
// transaction while it sends, so give up sooner and let the job be retried.
const DEFAULT_TIMEOUTS = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

/** The URL with the default timeouts added, unless it sets its own. */
export function withDefaultTimeouts(url: string): string {
  const parsed = new URL(url);
  for (const [name, ms] of Object.entries(DEFAULT_TIMEOUTS)) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, ms);
  }
  return parsed.toString();
}

/** A transport for an smtp:// or smtps:// URL (credentials and options as URL parts, e.g. ?pool=true). */
export function createMailTransport(url: string = DEFAULT_SMTP_URL): MailTransport {
  const transporter = nodemailer.createTransport(withDefaultTimeouts(url));
  return {
    async send(mail) {
      const info = await transporter.sendMail(mail);
      return { messageId: info.messageId, accepted: info.accepted.map((a) => (typeof a === "string" ? a : a.address)) };
    },
    close: () => transporter.close(),
  };
}
