// Pictures (issue 8): a marketer uploads a photo for a product and the shop's product page shows
// it, at the widths stored at upload (every srcset entry answers with a WebP of that width); an
// SVG is refused with a clear message.
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { expect, expectAccessible, test } from "./fixtures";
import { signInAs, staffAccount } from "./backoffice-fixtures";
import { createOwnProduct, expectOnReload } from "./catalog-fixtures";
import { closeDb } from "./order-fixtures";

test.afterAll(() => closeDb());

const photo = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 214, g: 96, b: 48 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

/** A PNG of noise just under 10 MB (it cannot be compressed): the largest upload allowed goes through. */
const nearlyTenMegabytes = () => {
  const [width, height] = [1950, 1650];
  const pixels = randomBytes(width * height * 3);
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
};

test("a marketer uploads a product photo; the product page shows it at every stored width, and an SVG is refused", async ({ page, browser }) => {
  test.slow();
  const product = await createOwnProduct("photo", { "lyon-part-dieu": 5 });
  const marketer = await staffAccount("marketing");
  const photosPage = `/admin/catalog/products/${product.productId}/photos`;
  await signInAs(page, marketer.email, photosPage);
  await expect(page.getByRole("heading", { name: "No photo yet" })).toBeVisible();
  await expectAccessible(page);

  // An SVG, even named .jpg, is refused next to the file field.
  const upload = page.getByRole("form", { name: "Upload a photo" });
  await upload.getByLabel(/^Photo/).setInputFiles({ name: "logo.jpg", mimeType: "image/jpeg", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await upload.getByLabel("Description").fill("Our logo");
  await upload.getByRole("button", { name: "Upload photo" }).click();
  await expect(upload.getByText("SVG files are not accepted: upload a JPEG, PNG or WebP photo.")).toBeVisible();
  await expect(upload.getByLabel("Description")).toHaveValue("Our logo");

  // Over 10 MB: refused in the browser before sending, and a post too large for a server action
  // (a form sent without JavaScript) is sent back to the page, which says why.
  const tooLarge = Buffer.concat([await photo(), Buffer.alloc(11 * 1024 * 1024)]);
  await upload.getByLabel(/^Photo/).setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: tooLarge });
  await upload.getByRole("button", { name: "Upload photo" }).click();
  await expect(upload.getByText("The file is larger than 10 MB.")).toBeVisible();
  const posted = await page.request.post(photosPage, {
    multipart: { productId: String(product.productId), alt: "Huge", file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.concat([tooLarge, Buffer.alloc(40 * 1024 * 1024)]) } },
    maxRedirects: 0,
  });
  expect(posted.status()).toBe(303);
  await page.goto(posted.headers()["location"]);
  await expect(upload.getByText("The file is larger than 10 MB.").first()).toBeVisible();

  // A photo.
  const alt = `A crate of ${product.name}`;
  const largest = await nearlyTenMegabytes();
  expect(largest.byteLength).toBeGreaterThan(9 * 1024 * 1024);
  expect(largest.byteLength).toBeLessThan(10 * 1024 * 1024);
  await upload.getByLabel(/^Photo/).setInputFiles({ name: "IMG_2041.PNG", mimeType: "image/png", buffer: largest });
  await upload.getByLabel("Description").fill(alt);
  await upload.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Photo added." })).toBeVisible();
  await expect(page.getByTestId("product-photos").getByRole("img", { name: alt })).toBeVisible();

  // A visitor sees it on the (cached) product page.
  const visitor = await (await browser.newContext()).newPage();
  const image = visitor.getByRole("img", { name: alt });
  await expectOnReload(visitor, `/p/${product.slug}`, () => expect(image).toHaveCount(1, { timeout: 500 }));
  const srcset = (await image.getAttribute("srcset")) ?? "";
  const entries = srcset.split(",").map((entry) => {
    const [url, descriptor] = entry.trim().split(/\s+/);
    return { url, width: Number(descriptor.replace(/w$/, "")) };
  });
  expect(entries.map((e) => e.width)).toEqual([384, 640, 960, 1280, 1920]);
  for (const { url, width } of entries) {
    expect(url).toMatch(/^\/media\/[0-9a-f-]{36}\/\d+\.webp$/);
    const answer = await visitor.request.get(url);
    expect(answer.status(), url).toBe(200);
    expect(answer.headers()["content-type"]).toBe("image/webp");
    expect(answer.headers()["cache-control"]).toContain("immutable");
    const meta = await sharp(await answer.body()).metadata();
    expect([meta.format, meta.width, meta.exif], url).toEqual(["webp", width, undefined]);
  }
  // The browser loaded one of them.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});
