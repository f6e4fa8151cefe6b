// The upload pipeline's checks: formats from the bytes, size and pixel caps, metadata stripped,
// pictures turned upright, every stored width produced.
import { crc32, deflateSync } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { MEDIA_WIDTHS, mediaFileUrl, mediaIdOf, servedWidth, storedWidths } from "./sizes";
import mediaLoader from "./image-loader";
import { oversizedPostTarget } from "./limits";
import { checkUpload, processPicture, sniffFormat, UPLOAD_MESSAGES, UploadError, cleanFileName } from "./upload";

const file = (bytes: Uint8Array | string, name: string, type = "image/jpeg") => new File([bytes as BlobPart], name, { type });

/**
 * A decompression bomb: a PNG of `size` × `size` black pixels, one bit each, a few kilobytes on disk.
 * Made by hand, since encoding one with sharp takes seconds of CPU on a busy machine.
 */
function pngBomb(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13); // compression, filter and interlace methods 0
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(size / 8)) * size); // each row: filter type 0, then its bits
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UploadError);
    return (error as UploadError).message;
  }
  throw new Error("accepted");
}

const photo = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } });

describe("what is accepted", () => {
  it("reads the format from the first bytes", async () => {
    expect(sniffFormat(await photo(8, 8).jpeg().toBuffer())).toBe("jpeg");
    expect(sniffFormat(await photo(8, 8).png().toBuffer())).toBe("png");
    expect(sniffFormat(await photo(8, 8).webp().toBuffer())).toBe("webp");
    expect(sniffFormat(new TextEncoder().encode('\uFEFF<?xml version="1.0"?>\n<!-- x -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe("svg");
    expect(sniffFormat(await photo(8, 8).gif().toBuffer())).toBeNull();
  });

  it("refuses an SVG, whatever its name and declared type", async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>';
    expect(await refusal(checkUpload(file(svg, "logo.svg", "image/svg+xml")))).toBe("SVG files are not accepted: upload a JPEG, PNG or WebP photo.");
    expect(await refusal(checkUpload(file(svg, "photo.jpg", "image/jpeg")))).toBe(UPLOAD_MESSAGES.svg);
  });

  it("refuses an HTML file renamed .jpg", async () => {
    const html = "<!doctype html><html><body><script>alert(1)</script></body></html>";
    expect(await refusal(checkUpload(file(html, "holiday.jpg", "image/jpeg")))).toBe("This file is not a JPEG, PNG or WebP image.");
  });

  it("refuses a 50 MB image before reading it", async () => {
    const jpeg = await photo(16, 16).jpeg().toBuffer();
    const big = new File([jpeg, new Uint8Array(50 * 1024 * 1024)], "huge.jpg", { type: "image/jpeg" });
    let read = false;
    const watched = { size: big.size, name: big.name, slice: big.slice.bind(big), arrayBuffer: () => ((read = true), big.arrayBuffer()) };
    expect(await refusal(checkUpload(watched))).toBe("The file is larger than 10 MB.");
    expect(read).toBe(false);
  });

  it("refuses a file whose bytes start like a JPEG but are not one, and a decompression bomb", async () => {
    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode("not really a jpeg at all")]);
    expect(await refusal(processPicture(fake, "jpeg"))).toBe(UPLOAD_MESSAGES.unreadable);
    const png = await photo(8, 8).png().toBuffer();
    expect(await refusal(processPicture(png, "jpeg"))).toBe(UPLOAD_MESSAGES.not_image);
    // 10,000 × 10,000 of one colour: a PNG of a few kilobytes that would decode to 100 million pixels.
    const bomb = pngBomb(10_000);
    expect(bomb.byteLength).toBeLessThan(64 * 1024);
    expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({ format: "png", width: 10_000, height: 10_000 });
    expect(await refusal(processPicture(bomb, "png"))).toBe(UPLOAD_MESSAGES.too_many_pixels);
  });
});

describe("what is stored", () => {
  it("strips every piece of metadata (GPS too) and turns the picture upright", async () => {
    const withGps = await photo(1000, 600)
      .withExif({ IFD0: { Make: "Phone", Model: "X", Software: "Camera" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "45/1 45/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "4/1 51/1 0/1" } })
      .jpeg()
      .toBuffer();
    const before = await sharp(withGps).metadata();
    expect(before.exif?.toString("latin1")).toContain("Phone");
    // Orientation 6: the camera was turned a quarter, the picture is 600 wide once upright.
    const rotated = await sharp(withGps).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const picture = await processPicture(rotated, "jpeg");
    expect([picture.width, picture.height]).toEqual([600, 1000]);
    for (const stored of picture.files) {
      const meta = await sharp(stored.body).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(meta.width).toBe(stored.width);
    }
  });

  it("produces every configured width up to the original's, and one for a small picture", async () => {
    const large = await processPicture(await photo(2400, 1600).png().toBuffer(), "png");
    expect(large.files.map((f) => f.width)).toEqual([...MEDIA_WIDTHS]);
    const medium = await processPicture(await photo(1000, 1000).webp().toBuffer(), "webp");
    expect(medium.files.map((f) => f.width)).toEqual([128, 256, 384, 640, 960]);
    const tiny = await processPicture(await photo(90, 60).jpeg().toBuffer(), "jpeg");
    expect(tiny.files.map((f) => f.width)).toEqual([128]);
    expect((await sharp(tiny.files[0].body).metadata()).width).toBe(90);
  });

  it("keeps a PNG's transparency", async () => {
    const transparent = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const picture = await processPicture(transparent, "png");
    expect((await sharp(picture.files[0].body).metadata()).hasAlpha).toBe(true);
  });

  it("keeps a file name's last part, printable and short", () => {
    expect(cleanFileName("C:\\Users\\me\\Photos\\tomatoes.jpg")).toBe("tomatoes.jpg");
    expect(cleanFileName("../../etc/passwd\u0000")).toBe("passwd");
    expect(cleanFileName("")).toBe("picture");
  });
});

describe("widths and the loader", () => {
  it("serves the smallest stored width at least as wide as asked, else the widest", () => {
    expect(storedWidths(700)).toEqual([128, 256, 384, 640]);
    expect(servedWidth([128, 256, 384, 640], 960)).toBe(640);
    expect(servedWidth([128, 256, 384, 640], 256)).toBe(256);
  });

  it("points next/image at the stored file of each width, and leaves other sources alone", () => {
    const id = "0b9f6f2e-8f0a-4c53-9f53-6a1c2d3e4f50";
    expect(mediaIdOf(`/media/${id}`)).toBe(id);
    expect(mediaLoader({ src: `/media/${id}`, width: 640 })).toBe(mediaFileUrl(id, 640));
    expect(mediaLoader({ src: "/images/products/bananas.svg", width: 640 })).toBe("/images/products/bananas.svg");
    expect(mediaIdOf("/media/../etc")).toBeNull();
  });
});

describe("posts too large for a server action", () => {
  it("are sent back to their page, which says the file is larger than 10 MB", () => {
    const url = new URL("http://shop.test/admin/catalog/products/7/photos?x=1");
    expect(oversizedPostTarget("POST", String(50 * 1024 * 1024), url)?.href).toBe("http://shop.test/admin/catalog/products/7/photos?upload=too-large");
    expect(oversizedPostTarget("POST", String(2 * 1024 * 1024), url)).toBeNull();
    expect(oversizedPostTarget("GET", String(50 * 1024 * 1024), url)).toBeNull();
    expect(oversizedPostTarget("POST", null, url)).toBeNull();
  });
});
