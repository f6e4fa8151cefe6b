// Pictures (issue 8): a marketer uploads a photo for a product and the shop's product page shows
// it, at the widths stored at upload (every srcset entry answers with a WebP of that width); an
// SVG is refused with a clear message.
import sharp from "sharp";
import { expect, expectAccessible, test } from "./fixtures";
import { signInAs, staffAccount } from "./backoffice-fixtures";
import { createOwnProduct } from "./catalog-fixtures";
import { closeDb } from "./order-fixtures";

test.afterAll(() => closeDb());

const photo = () =>
  sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 214, g: 96, b: 48 } } })
    .jpeg({ quality: 85 })
    .toBuffer();

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

  // A photo.
  const alt = `A crate of ${product.name}`;
  await upload.getByLabel(/^Photo/).setInputFiles({ name: "IMG_2041.JPG", mimeType: "image/jpeg", buffer: await photo() });
  await upload.getByLabel("Description").fill(alt);
  await upload.getByRole("button", { name: "Upload photo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Photo added." })).toBeVisible();
  await expect(page.getByTestId("product-photos").getByRole("img", { name: alt })).toBeVisible();

  // A visitor sees it on the (cached) product page within seconds.
  const visitor = await (await browser.newContext()).newPage();
  const image = visitor.getByRole("img", { name: alt });
  await expect
    .poll(
      async () => {
        await visitor.goto(`/p/${product.slug}`);
        return image.count();
      },
      { timeout: 5_000, intervals: [250, 500, 1000] },
    )
    .toBe(1);
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
