// The client address of the request being handled (server actions, pages): see client-address.ts.
import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientAddress } from "./client-address";

export async function requestClientAddress(): Promise<string | null> {
  return clientAddress(await headers(), env().TRUSTED_PROXY_HOPS);
}
