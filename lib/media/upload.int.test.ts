// Uploads end to end against the real database and a local folder: the files of every width, the
// `media` row and its audit entry; a product's photos added, reordered and removed, each audited.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { getMedia, listMedia, listProductPhotos } from "@/db/queries/media";
import { getProductDetail } from "@/db/queries/products";
import { categories, media, products, staffActions, stores, users } from "@/db/schema";
import { attachPhoto, detachPhoto, movePhoto } from "./product-photos";
import { LocalDiskStorage, checkKey } from "./storage";
import { UPLOAD_MESSAGES, UploadError, uploadPicture } from "./upload";

let db: Database;
let close: () => Promise<void>;
let folder: string;
let storage: LocalDiskStorage;
let staffId: string;

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 4);
  db = connection.db;
  close = () => connection.sql.end();
  folder = await mkdtemp(path.join(tmpdir(), "halles-media-"));
  storage = new LocalDiskStorage(folder);
  [{ id: staffId }] = await db.select({ id: users.id }).from(users).where(eq(users.role, "marketing")).limit(1);
});
afterAll(async () => {
  await close();
  await rm(folder, { recursive: true, force: true });
});

const jpeg = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: "#c0662a" } })
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "45/1 45/1 0/1" } })
    .jpeg()
    .toBuffer();

async function newProduct(): Promise<{ id: number; slug: string }> {
  const slug = `media-test-${randomBytes(4).toString("hex")}`;
  const [category] = await db.select({ id: categories.id }).from(categories).where(isNull(categories.parentId)).limit(1);
  const [row] = await db.insert(products).values({ slug, name: slug, description: "", categoryId: category.id, vatRateBp: 550 }).returning({ id: products.id });
  return { id: row.id, slug };
}

const upload = async (width = 1000, height = 750, alt = "Ripe tomatoes") =>
  uploadPicture(db, storage, { file: new File([await jpeg(width, height)], "IMG_0001.JPG", { type: "image/jpeg" }), alt, uploadedBy: staffId });

describe("uploading a picture", () => {
  it("stores each width as WebP without metadata, with its row and audit entry", async () => {
    const row = await upload();
    expect(row).toMatchObject({ width: 1000, height: 750, widths: [128, 256, 384, 640, 960], sourceFormat: "jpeg", alt: "Ripe tomatoes", fileName: "IMG_0001.JPG" });
    expect((await readdir(path.join(folder, row.storageKey))).sort()).toEqual(["128.webp", "256.webp", "384.webp", "640.webp", "960.webp"]);
    const file = await storage.get(`${row.storageKey}/640.webp`);
    const meta = await sharp(file!).metadata();
    expect([meta.format, meta.width, meta.exif]).toEqual(["webp", 640, undefined]);
    const [audit] = await db.select().from(staffActions).where(and(eq(staffActions.action, "media.upload"), sql`${staffActions.data}->>'mediaId' = ${row.id}`));
    expect(audit.staffId).toBe(staffId);
    expect((await listMedia(db, { limit: 5 })).map((m) => m.id)).toContain(row.id);
    expect(await getMedia(db, "not-a-uuid")).toBeNull();
  });

  it("leaves nothing behind when a file is refused", async () => {
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(media);
    const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "x.png", { type: "image/png" });
    await expect(uploadPicture(db, storage, { file: svg, alt: "x", uploadedBy: staffId })).rejects.toThrow(new UploadError("svg"));
    expect(UPLOAD_MESSAGES.svg).toMatch(/SVG files are not accepted/);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(media)).toEqual(before);
  });

  it("refuses keys that would leave the folder", () => {
    expect(() => checkKey("../etc/passwd")).toThrow();
    expect(() => checkKey("/abs")).toThrow();
    expect(checkKey("0b9f6f2e-8f0a-4c53-9f53-6a1c2d3e4f50/640.webp")).toBeTruthy();
  });
});

describe("a product's photos", () => {
  it("are added, reordered and removed, audited, and shown first on the product's page", async () => {
    const product = await newProduct();
    const [first, second] = [await upload(800, 800, "Front"), await upload(700, 500, "Back")];
    expect(await attachPhoto(db, staffId, product.id, first.id, "Front of the pack")).toEqual({ ok: true, slug: product.slug });
    await attachPhoto(db, staffId, product.id, second.id, "Back of the pack");
    let photos = await listProductPhotos(db, product.id);
    expect(photos.map((p) => p.media?.id)).toEqual([first.id, second.id]);
    expect(photos[0]).toMatchObject({ url: null, alt: "Front of the pack", media: { width: 800, height: 800 } });

    await movePhoto(db, staffId, product.id, photos[1].id, -1);
    photos = await listProductPhotos(db, product.id);
    expect(photos.map((p) => p.media?.id)).toEqual([second.id, first.id]);
    const [store] = await db.select({ id: stores.id }).from(stores).limit(1);
    const detail = await getProductDetail(db, product.slug, store.id);
    expect(detail?.images[0]).toEqual({ url: `/media/${second.id}`, alt: "Back of the pack" });

    expect(await detachPhoto(db, staffId, product.id, photos[0].id)).toEqual({ ok: true, slug: product.slug });
    expect((await listProductPhotos(db, product.id)).map((p) => p.media?.id)).toEqual([first.id]);
    // Another product's photo, or an unknown one, is not found.
    const other = await newProduct();
    expect(await detachPhoto(db, staffId, other.id, photos[1].id)).toEqual({ ok: false, code: "not_found" });
    expect(await attachPhoto(db, staffId, product.id, "0b9f6f2e-8f0a-4c53-9f53-6a1c2d3e4f50", "x")).toEqual({ ok: false, code: "not_found" });

    const audit = await db
      .select({ action: staffActions.action })
      .from(staffActions)
      .where(sql`${staffActions.data}->>'productId' = ${String(product.id)}`)
      .orderBy(staffActions.id);
    expect(audit.map((a) => a.action)).toEqual(["product.photo_add", "product.photo_add", "product.photo_move", "product.photo_remove"]);
  });
});
