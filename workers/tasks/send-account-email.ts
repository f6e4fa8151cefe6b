// send-account-email: the sign-up confirmation, "you already have an account" and password-reset
// e-mails, each with its one-time link (the token is in the payload; the database has its hash).
// A retry after SMTP accepted the mail but before the job completed sends it again: harmless, as
// both copies carry the same link.
import type { Database } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import type { TaskPayload } from "@/lib/jobs/tasks";
import { accountEmailLink, renderAccountEmail } from "@/lib/mail/account-emails";
import type { MailTransport } from "@/lib/mail/transport";
import type { TaskHandler } from "../runtime";

export type SendAccountEmailDeps = { db: Database; transport: MailTransport; from: string; publicUrl: string };

export async function sendAccountEmail(deps: SendAccountEmailDeps, payload: TaskPayload<"send-account-email">): Promise<"sent" | "user-not-found"> {
  const user = await findUserById(deps.db, payload.userId);
  if (!user || user.deactivatedAt) return "user-not-found";
  const link = accountEmailLink(deps.publicUrl, payload.kind, payload.token, payload.next);
  const mail = renderAccountEmail(payload.kind, { name: user.name, link });
  await deps.transport.send({ from: deps.from, to: user.email, ...mail, headers: { "X-Halles-Mail": payload.kind } });
  return "sent";
}

export function sendAccountEmailTask(deps: Omit<SendAccountEmailDeps, "db">): TaskHandler<"send-account-email"> {
  return (payload, ctx) => sendAccountEmail({ ...deps, db: ctx.db }, payload);
}
