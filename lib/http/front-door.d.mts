import type { IncomingHttpHeaders } from "node:http";

export function withPeerAddress(forwardedFor: string | string[] | undefined, peer: string): string;

export function canonicalRedirect(
  request: { method?: string; url?: string; headers: IncomingHttpHeaders },
  options: { publicUrl: string | undefined; trustedHops: number },
): string | null;

type FrontDoorRequest = { method?: string; url?: string; headers: IncomingHttpHeaders };

export function hasMalformedPath(url: string | undefined): boolean;

export function isCrossSiteActionPost(request: FrontDoorRequest): boolean;

export function frontDoorRefusal(request: FrontDoorRequest): { status: number; contentType: string; body: string } | null;
