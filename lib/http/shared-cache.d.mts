import type { IncomingHttpHeaders, ServerResponse } from "node:http";

export const SHARED_CACHE_CONTROL: string;

export const ROUTER_HEADERS: string[];

export function isSharedPageRequest(request: { method?: string; url?: string; headers: IncomingHttpHeaders }): boolean;

export function sharedCacheControl(status: number, setsCookie: boolean): string | null;

export const RENDER_DEPENDENT_HEADERS: string[];

export function declareSharedWhenSent(response: ServerResponse): void;
