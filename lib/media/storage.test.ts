// Media storage: the configuration picks the local folder or an S3-compatible bucket, and the
// bucket is addressed as configured (prefix, path style, credentials).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LocalDiskStorage, S3Storage, storageFromEnv, type MediaStorage } from "./storage";

afterEach(() => vi.restoreAllMocks());

const base = { MEDIA_DIR: ".data/media" } as const;

describe("media storage", () => {
  it("is the local folder unless a bucket is configured", () => {
    expect(storageFromEnv(base)).toBeInstanceOf(LocalDiskStorage);
    expect(storageFromEnv({ ...base, MEDIA_S3_BUCKET: "halles-media", MEDIA_S3_ENDPOINT: "http://127.0.0.1:9000", MEDIA_S3_FORCE_PATH_STYLE: true })).toBeInstanceOf(S3Storage);
  });

  it("writes, reads and deletes files in a local folder", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "halles-storage-"));
    try {
      const storage: MediaStorage = new LocalDiskStorage(folder);
      await storage.put("abc/640.webp", new Uint8Array([1, 2, 3]), "image/webp");
      expect([...((await storage.get("abc/640.webp")) ?? [])]).toEqual([1, 2, 3]);
      await storage.delete("abc/640.webp");
      expect(await storage.get("abc/640.webp")).toBeNull();
      await expect(storage.get("../outside")).rejects.toThrow(/Invalid media key/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it("puts and gets objects under the bucket's prefix, and answers null for a missing one", async () => {
    const sent: unknown[] = [];
    vi.spyOn(S3Client.prototype, "send").mockImplementation(async (command: unknown) => {
      sent.push(command);
      if (command instanceof GetObjectCommand) throw new NoSuchKey({ message: "missing", $metadata: {} });
      return {};
    });
    const storage = new S3Storage({ bucket: "halles-media", prefix: "shop/", endpoint: "http://127.0.0.1:9000", forcePathStyle: true, accessKeyId: "k", secretAccessKey: "s" });
    await storage.put("abc/640.webp", new Uint8Array([1]), "image/webp");
    expect(sent[0]).toBeInstanceOf(PutObjectCommand);
    expect((sent[0] as PutObjectCommand).input).toMatchObject({ Bucket: "halles-media", Key: "shop/abc/640.webp", ContentType: "image/webp" });
    expect(await storage.get("abc/128.webp")).toBeNull();
    expect((sent[1] as GetObjectCommand).input).toEqual({ Bucket: "halles-media", Key: "shop/abc/128.webp" });
  });
});
