// Password hashing with scrypt (node:crypto): random salt, tunable cost, self-describing format,
// and at most a few hashes at once (lib/auth/hashing-slots.ts).
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { hashingSlots } from "./hashing-slots";

/**
 * Cost parameters; N = 2^ln. OWASP's Password Storage Cheat Sheet lists N=2^15, r=8, p=3 among its
 * equivalent minimums for scrypt (the same work as N=2^17, p=1, in a quarter of the memory).
 * Stored with each hash, so they can be raised: older hashes are replaced at the next sign-in.
 */
export const SCRYPT_PARAMS = { ln: 15, r: 8, p: 3 } as const;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
// The format: $scrypt$ln=15,r=8,p=1$<salt, base64>$<key, base64> (PHC string format).
const PATTERN = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return hashingSlots.run(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
      ),
  );
}

function options(ln: number, r: number, p: number): ScryptOptions {
  const N = 2 ** ln;
  // Node refuses scrypt above 32 MiB of memory by default; 128·N·r bytes are needed.
  return { N, r, p, maxmem: 256 * N * r };
}

export async function hashPassword(password: string, params: { ln: number; r: number; p: number } = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, KEY_BYTES, options(params.ln, params.r, params.p));
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

/** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PATTERN.exec(stored);
  if (!match) return false;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 10 || ln > 20 || r < 1 || r > 32 || p < 1 || p > 16) return false;
  const salt = Buffer.from(match[4], "base64");
  const expected = Buffer.from(match[5], "base64");
  if (salt.length < 8 || expected.length < 16) return false;
  const actual = await scrypt(password, salt, expected.length, options(ln, r, p));
  return timingSafeEqual(actual, expected);
}

/** True when a stored hash costs less than today's parameters, so it is replaced at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const match = PATTERN.exec(stored);
  if (!match) return true;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Work is N·r·p; memory is N·r: both must reach today's.
  const work = (params: { ln: number; r: number; p: number }) => 2 ** params.ln * params.r * params.p;
  return work({ ln, r, p }) < work(SCRYPT_PARAMS) || 2 ** ln * r < 2 ** SCRYPT_PARAMS.ln * SCRYPT_PARAMS.r;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends as long as checking a real password, for sign-ins with an unknown e-mail, so that the
 * response time does not tell whether an account exists.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not a real password");
  await verifyPassword(password, await dummyHash);
  return false;
}
