// The notification worker's account e-mails: the right mail to the account's address, with a
// link that carries the one-time token (and the return path) to the shop's public URL.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { createUser } from "@/db/queries/users";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { createMailCapture, type MailCapture } from "@/tools/mail-capture/server";
import { sendAccountEmail } from "./send-account-email";

let db: Database;
let end: () => Promise<void>;
let capture: MailCapture;
let transport: MailTransport;

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 2);
  db = connection.db;
  end = () => connection.sql.end();
  capture = await createMailCapture({ smtpPort: 0, httpPort: 0 });
  transport = createMailTransport(`smtp://127.0.0.1:${capture.smtpPort}`);
});

afterAll(async () => {
  transport.close();
  await capture.close();
  await end();
});

describe("send-account-email", () => {
  it("sends the confirmation link, with its return path, to the account's address", async () => {
    const user = await createUser(db, { email: `confirm-${randomUUID()}@example.test`, name: "Léa <b>Nouvelle</b>", passwordHash: "x", verified: false });
    const token = "t".repeat(43);
    const deps = { db, transport, from: "Halles <orders@halles.test>", publicUrl: "https://shop.example/" };
    expect(await sendAccountEmail(deps, { userId: user.id, kind: "verify-email", token, next: "/checkout" })).toBe("sent");
    const [mail] = capture.messages().filter((m) => m.to.includes(user.email));
    expect(mail.subject).toBe("Confirm your e-mail address for Halles");
    expect(mail.text).toContain(`https://shop.example/sign-up/confirm?token=${token}&next=%2Fcheckout`);
    // The name is escaped in the HTML part.
    expect(mail.html).toContain("Léa &lt;b&gt;Nouvelle&lt;/b&gt;");
  });

  it("sends the reset link for an existing account and nothing for an unknown user", async () => {
    const user = await createUser(db, { email: `exists-${randomUUID()}@example.test`, name: "Owner", passwordHash: "x" });
    const deps = { db, transport, from: "Halles <orders@halles.test>", publicUrl: "http://127.0.0.1:3100" };
    expect(await sendAccountEmail(deps, { userId: user.id, kind: "account-exists", token: "r".repeat(43) })).toBe("sent");
    const [mail] = capture.messages().filter((m) => m.to.includes(user.email));
    expect(mail.subject).toBe("You already have a Halles account");
    expect(mail.text).toContain(`http://127.0.0.1:3100/sign-in/reset?token=${"r".repeat(43)}`);
    expect(await sendAccountEmail(deps, { userId: randomUUID(), kind: "reset-password", token: "r".repeat(43) })).toBe("user-not-found");
  });
});
