export const REQUEST_ID_PATTERN: RegExp;
export function newRequestId(): string;
export function acceptedRequestId(value: string | string[] | undefined | null): string | null;
export function currentRequestId(): string | undefined;
export function withRequestId<T>(requestId: string | undefined | null, fn: () => T): T;
