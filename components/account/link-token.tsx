import { connection } from "next/server";
import { safeNextPath } from "@/lib/auth/safe-path";

type LinkParams = Promise<{ token?: string | string[]; next?: string | string[] }>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** The one-time token (and the return path) of an e-mailed link, carried in the form that uses it. */
export async function LinkToken({ searchParams }: { searchParams: LinkParams }) {
  await connection();
  const params = await searchParams;
  return (
    <>
      <input type="hidden" name="token" value={first(params.token).slice(0, 200)} />
      {params.next !== undefined && <input type="hidden" name="next" value={safeNextPath(first(params.next))} />}
    </>
  );
}
