// The mail capture on random ports, fed by nodemailer exactly as the notification worker sends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { createMailCapture, type CapturedMessage, type MailCapture } from "./server";

let capture: MailCapture;
let transport: MailTransport;

beforeAll(async () => {
  capture = await createMailCapture({ smtpPort: 0, httpPort: 0 });
  transport = createMailTransport(`smtp://127.0.0.1:${capture.smtpPort}`);
});

afterAll(async () => {
  transport.close();
  await capture.close();
});

beforeEach(() => capture.clear());

const send = (to: string, subject: string, html = `<p>${subject}</p>`) =>
  transport.send({ from: "Halles <orders@halles.test>", to, subject, html, text: subject });

async function list(query = ""): Promise<CapturedMessage[]> {
  const response = await fetch(`${capture.url}/api/messages${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as CapturedMessage[];
}

describe("mail capture", () => {
  it("accepts mail over SMTP and lists it as JSON, filtered by recipient", async () => {
    await send("Ana@Example.test", "First");
    await send("bob@example.test", "Second");
    const all = await list();
    expect(all.map((m) => m.subject)).toEqual(["First", "Second"]);
    expect(all[0]).toMatchObject({ from: `"Halles" <orders@halles.test>`, to: ["ana@example.test"], text: "First", html: "<p>First</p>" });
    expect(Date.parse(all[0].date)).not.toBeNaN();
    expect((await list("?to=ana%40example.test")).map((m) => m.subject)).toEqual(["First"]);
    expect(await list("?to=nobody%40example.test")).toEqual([]);
  });

  it("deletes every message", async () => {
    await send("ana@example.test", "Gone soon");
    expect(await list()).toHaveLength(1);
    const response = await fetch(`${capture.url}/api/messages`, { method: "DELETE" });
    expect(response.status).toBe(200);
    expect(await list()).toEqual([]);
  });

  it("shows an escaped inbox, newest first, and each message in a sandboxed frame", async () => {
    await send("ana@example.test", "Older");
    await send("ana@example.test", `<script>alert(1)</script>`, `<h1>Hi</h1><script>alert(2)</script>`);
    const inbox = await fetch(`${capture.url}/`);
    expect(inbox.headers.get("content-type")).toContain("text/html");
    const page = await inbox.text();
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page.indexOf("alert(1)")).toBeLessThan(page.indexOf("Older"));

    const [, newest] = await list();
    const view = await (await fetch(`${capture.url}/messages/${newest.id}`)).text();
    expect(view).toContain("<iframe sandbox");
    expect(view).not.toContain("<script>");
    expect(view).toContain("&lt;h1&gt;Hi&lt;/h1&gt;");
    expect((await fetch(`${capture.url}/messages/nope`)).status).toBe(404);
    expect((await fetch(`${capture.url}/api/messages/${newest.id}`)).status).toBe(200);
  });
});
