// Sending the fuzzer's requests without a browser, as a browser or an API client would: cookies
// kept by hand, server actions encoded by React's own client (the bytes Next.js's router sends),
// and the verdict on each answer.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** React's reply encoder, as Next.js's client uses it to call a server action. */
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export type Session = "visitor" | "guest" | "customer";

/** How a request carries a server action's arguments. */
export type ActionCall =
  /** The JS client: Next-Action header, arguments encoded by React. */
  | { style: "fetch"; id: string; args: unknown[] }
  /** A form posted without JavaScript: `$ACTION_REF_1`, the bound state and the fields (useActionState forms)… */
  | { style: "no-js-state"; id: string; state: unknown; fields: [string, FormDataEntryValue][] }
  /** …or `$ACTION_ID_<id>` and the fields (forms whose action is the function itself). */
  | { style: "no-js-form"; id: string; fields: [string, FormDataEntryValue][] };

export type Probe = {
  target: string;
  method: string;
  /** Path and query. */
  url: string;
  session: Session;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  action?: ActionCall;
  /** An API route the app answers itself: a 4xx must carry { error: { code, message } }. */
  apiErrorBody?: boolean;
  /** It may sign the session out (sent after all others). */
  endsSession?: boolean;
  /** The only statuses it may get, when it must be refused (no token, another site…). */
  mustAnswer?: number[];
};

export type Answer = { status: number; contentType: string; text: string };

/** Cookies by name, as a browser keeps them for one site (paths and expiry do not matter here). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export function formData(fields: [string, FormDataEntryValue][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

/** The body and headers of a server action call, as the browser would send them. */
async function actionRequest(call: ActionCall): Promise<{ body: string | FormData; headers: Record<string, string> }> {
  switch (call.style) {
    case "fetch":
      return { body: await encodeReply(call.args), headers: { "Next-Action": call.id, Accept: "text/x-component" } };
    case "no-js-state": {
      const state = await encodeReply([call.state]);
      const form = formData([
        ["$ACTION_REF_1", ""],
        ["$ACTION_1:0", JSON.stringify({ id: call.id, bound: "$@1" })],
        ["$ACTION_1:1", typeof state === "string" ? state : "[{}]"],
        ["$ACTION_KEY", "k0123456789abcdef0123456789abcdef"],
        ...call.fields,
      ]);
      return { body: form, headers: {} };
    }
    case "no-js-form":
      return { body: formData([[`$ACTION_ID_${call.id}`, ""], ...call.fields]), headers: {} };
  }
}

export async function send(baseUrl: string, probe: Probe, jars: Record<Session, CookieJar>): Promise<Answer> {
  const jar = jars[probe.session];
  const headers: Record<string, string> = { ...probe.headers };
  const cookie = jar.header();
  if (cookie && !("cookie" in headers)) headers.cookie = cookie;
  let body: BodyInit | undefined = probe.body instanceof Uint8Array ? new Blob([new Uint8Array(probe.body)]) : probe.body;
  if (probe.action) {
    const request = await actionRequest(probe.action);
    body = request.body;
    Object.assign(headers, request.headers);
  }
  const idempotent = probe.method === "GET" || probe.method === "HEAD";
  const request = () =>
    fetch(new URL(probe.url, baseUrl), { method: probe.method, headers, body: idempotent ? undefined : body, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  // A pooled keep-alive connection the server closed just as it was reused fails with "other side
  // closed" before the request reached the server; a browser retries an idempotent request then.
  const response = await request().catch((error: unknown) => {
    if (idempotent && String((error as { cause?: unknown }).cause ?? error).includes("other side closed")) return request();
    throw error;
  });
  // Visitors stay visitors; the guest's and the customer's cookies (a renewed session…) are kept,
  // unless the request sent tampered ones instead, which the answer may clear.
  if (probe.session !== "visitor" && !probe.headers?.cookie) jar.store(response);
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() };
}

/** What is wrong with an answer, or null: never a 5xx; an API's 4xx says why in its error body. */
export function verdict(probe: Probe, answer: Answer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (probe.mustAnswer && !probe.mustAnswer.includes(answer.status)) return `answered ${answer.status}, not ${probe.mustAnswer.join(" or ")}`;
  if (probe.apiErrorBody && answer.status >= 400 && answer.status < 500) {
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return `answered ${answer.status} without a JSON body`;
    }
    const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
    if (typeof error?.code !== "string" || typeof error.message !== "string" || !error.message) return `answered ${answer.status} without { error: { code, message } }`;
  }
  return null;
}

/** A short, printable description of a request, to replay it by hand. */
export function describeProbe(probe: Probe): string {
  const clip = (text: string, max = 240) => JSON.stringify(text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text);
  const parts = [`${probe.method} ${clip(probe.url, 300)} as ${probe.session}`];
  if (probe.headers && Object.keys(probe.headers).length) parts.push(`headers ${clip(JSON.stringify(probe.headers))}`);
  if (typeof probe.body === "string") parts.push(`body ${clip(probe.body)}`);
  else if (probe.body) parts.push(`body ${probe.body.length} bytes`);
  if (probe.action) {
    const { style, id } = probe.action;
    const payload = probe.action.style === "fetch" ? probe.action.args : probe.action.fields;
    parts.push(`action ${style} ${id} ${clip(JSON.stringify(payload, (_k, v: unknown) => (v instanceof Blob ? `<file ${v.size} bytes>` : v instanceof FormData ? { FormData: [...v] } : v)) ?? "")}`);
  }
  return parts.join("; ");
}
