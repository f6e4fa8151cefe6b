// Where uploaded pictures' files live: a local folder (MEDIA_DIR) or an S3-compatible bucket
// (MEDIA_S3_BUCKET, with MEDIA_S3_ENDPOINT / MEDIA_S3_REGION / MEDIA_S3_ACCESS_KEY_ID /
// MEDIA_S3_SECRET_ACCESS_KEY / MEDIA_S3_FORCE_PATH_STYLE for MinIO, R2, Ceph…). Keys look like
// "<storage key>/<width>.webp"; the files never change once written.
import { mkdir, readFile, rename, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { env, type Env } from "@/lib/env";

export interface MediaStorage {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deletes the file; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(?:\/[a-z0-9-]+(?:\.[a-z0-9]+)?)*$/;

/** Refuses keys that could leave the folder or bucket prefix ("..", absolute paths, odd characters). */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 200) throw new Error(`Invalid media key: ${JSON.stringify(key)}`);
  return key;
}

export class LocalDiskStorage implements MediaStorage {
  constructor(readonly root: string) {}

  private file(key: string): string {
    return path.join(this.root, ...checkKey(key).split("/"));
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written whole, then renamed: a reader never sees half a file.
    const partial = `${file}.${process.pid}.${Date.now()}.part`;
    await writeFile(partial, body);
    await rename(partial, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const file = this.file(key);
    await rm(file, { force: true });
    // The picture's folder goes with its last file.
    await rmdir(path.dirname(file)).catch(() => undefined);
  }
}

export type S3StorageOptions = {
  bucket: string;
  /** A folder inside the bucket ("" for its root). */
  prefix?: string;
  endpoint?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
};

export class S3Storage implements MediaStorage {
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly options: S3StorageOptions) {
    this.prefix = options.prefix ? `${options.prefix.replace(/\/+$/, "")}/` : "";
    this.client = new S3Client({
      region: options.region ?? "us-east-1",
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle,
      credentials: options.accessKeyId && options.secretAccessKey ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } : undefined,
    });
  }

  private objectKey(key: string): string {
    return this.prefix + checkKey(key);
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key), Body: body, ContentType: contentType, CacheControl: "public, max-age=31536000, immutable" }),
    );
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return answer.Body ? await answer.Body.transformToByteArray() : null;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }
}

/** The storage the configuration names: S3 when MEDIA_S3_BUCKET is set, else the local folder. */
export function storageFromEnv(
  config: Pick<Env, "MEDIA_DIR"> &
    Partial<Pick<Env, "MEDIA_S3_BUCKET" | "MEDIA_S3_PREFIX" | "MEDIA_S3_ENDPOINT" | "MEDIA_S3_REGION" | "MEDIA_S3_ACCESS_KEY_ID" | "MEDIA_S3_SECRET_ACCESS_KEY" | "MEDIA_S3_FORCE_PATH_STYLE">>,
): MediaStorage {
  if (config.MEDIA_S3_BUCKET) {
    return new S3Storage({
      bucket: config.MEDIA_S3_BUCKET,
      prefix: config.MEDIA_S3_PREFIX,
      endpoint: config.MEDIA_S3_ENDPOINT,
      region: config.MEDIA_S3_REGION,
      accessKeyId: config.MEDIA_S3_ACCESS_KEY_ID,
      secretAccessKey: config.MEDIA_S3_SECRET_ACCESS_KEY,
      forcePathStyle: config.MEDIA_S3_FORCE_PATH_STYLE,
    });
  }
  return new LocalDiskStorage(path.resolve(config.MEDIA_DIR));
}

let shared: MediaStorage | undefined;

/** The process's media storage, from the environment. */
export function mediaStorage(): MediaStorage {
  shared ??= storageFromEnv(env());
  return shared;
}
