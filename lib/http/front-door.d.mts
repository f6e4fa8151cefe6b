import type { IncomingHttpHeaders } from "node:http";

export function withPeerAddress(forwardedFor: string | string[] | undefined, peer: string): string;

export function canonicalRedirect(
  request: { method?: string; url?: string; headers: IncomingHttpHeaders },
  options: { publicUrl: string | undefined; trustedHops: number },
): string | null;
