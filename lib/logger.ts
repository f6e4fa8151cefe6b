// JSON logs for every process (web, workers, scripts); a line written for a web request or a job
// carries its request id (lib/request-id.mjs).
import pino from "pino";
import { currentRequestId } from "./request-id.mjs";

/** Adds `requestId` to every line written inside a request or a job. */
export function requestIdMixin(): { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { requestId } : {};
}

export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { service: process.env.HALLES_SERVICE ?? "web" }, mixin: requestIdMixin });
