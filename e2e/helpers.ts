import { expect, type Page } from "@playwright/test";

/** Reads the euro amounts of the product cards in order ("€1.99 / kg" → 199). */
export async function cardPrices(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("product-card").getByTestId("price").allTextContents();
  return texts.map((t) => Math.round(Number(t.replace(/[^0-9.]/g, "")) * 100));
}

export function expectAscending(values: number[]) {
  expect(values.length).toBeGreaterThan(1);
  expect(values).toEqual([...values].sort((a, b) => a - b));
}

export async function chooseStore(page: Page, name: string) {
  await page.goto("/stores");
  const choose = page.getByRole("button", { name: `Choose this store: ${name}` });
  if (await choose.isVisible()) await choose.click();
  await expect(page.getByRole("link", { name: new RegExp(`Your store: ${name.replace(/^Halles /, "")}`) })).toBeVisible();
}

export const PASSWORD = "groceries-every-week";
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

export type CapturedMail = { subject: string; text: string; html: string | null; to: string[] };

const mailCapture = () => process.env.MAIL_CAPTURE_URL ?? "http://127.0.0.1:1081";

/** The e-mails captured for `email`, oldest first. */
export async function mailsTo(email: string): Promise<CapturedMail[]> {
  const response = await fetch(`${mailCapture()}/api/messages?to=${encodeURIComponent(email)}`);
  return (await response.json()) as CapturedMail[];
}

/** Waits for the notification worker to send `email` a mail whose subject matches; returns the newest. */
export async function waitForMail(email: string, subject: RegExp): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(async () => (found = (await mailsTo(email)).filter((m) => subject.test(m.subject)).at(-1)), { timeout: 30_000, message: `a mail to ${email} matching ${subject}` })
    .toBeTruthy();
  return found!;
}

/** The path and query of the first link in a mail that goes to `path` on this site. */
export function linkIn(mail: CapturedMail, path: string): string {
  const url = mail.text.split(/\s+/).find((word) => word.startsWith("http") && new URL(word).pathname === path);
  if (!url) throw new Error(`no link to ${path} in "${mail.subject}"`);
  const { pathname, search } = new URL(url);
  return `${pathname}${search}`;
}

/** Fills the sign-up form (already open) and submits it; the page then says to check the inbox. */
export async function requestSignUp(page: Page, name: string, email: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("check-your-inbox")).toContainText(`we have sent an e-mail to ${email.toLowerCase()}`);
}

/**
 * Signs up through the form (already open) as a new shopper does: the form, then the link in the
 * confirmation e-mail, which signs them in and takes them where they were going.
 */
export async function submitSignUp(page: Page, name: string, email: string) {
  await requestSignUp(page, name, email);
  const mail = await waitForMail(email, /^Confirm your e-mail address/);
  await page.goto(linkIn(mail, "/sign-up/confirm"));
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
}
