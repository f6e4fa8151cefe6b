import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getSessionUser } from "@/lib/auth/guards";
import { safeNextPath } from "@/lib/auth/safe-path";

/** Sends people who are already signed in on their way; otherwise carries `next` in the form. */
export async function ReturnPath({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  await connection();
  const returnTo = safeNextPath((await searchParams).next);
  if (await getSessionUser()) redirect(returnTo);
  return <input type="hidden" name="next" value={returnTo} />;
}
