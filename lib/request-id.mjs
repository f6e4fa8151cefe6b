// The request id of the work in progress: set for each web request by the server preload
// (lib/http/observability.mjs), for each job by the worker's task runner, read by the loggers
// (lib/logger.ts) and by enqueueJob, which puts it into the payloads of the jobs it adds.
// Plain JavaScript: the preload loads it before Next.js, the app and workers import it too, and
// every copy shares one AsyncLocalStorage kept on globalThis.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

const KEY = Symbol.for("halles.requestContext");
/** @type {AsyncLocalStorage<{ requestId: string }>} */
const storage = (globalThis[KEY] ??= new AsyncLocalStorage());

/** What an id from outside (a gateway's X-Request-Id, a job payload) may look like. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function newRequestId() {
  return randomUUID();
}

/** The id itself when it is well-formed, else null (a client cannot inject text into the logs). */
export function acceptedRequestId(value) {
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === "string" && REQUEST_ID_PATTERN.test(text) ? text : null;
}

export function currentRequestId() {
  return storage.getStore()?.requestId;
}

/** Runs `fn` with `requestId` as the current id (or without one when it is undefined). */
export function withRequestId(requestId, fn) {
  return requestId ? storage.run({ requestId }, fn) : storage.exit(fn);
}
