// A local, TEST MODE-only mail catcher: an SMTP server that accepts every message and keeps it in
// memory, and an HTTP side to read them (JSON API for tests, a small HTML inbox for people).
import { randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo, Server } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { renderInbox, renderMessage } from "./inbox";

export type CapturedMessage = {
  id: string;
  from: string;
  /** Every recipient, lower-cased: the header To and Cc and the SMTP envelope (so Bcc too). */
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  /** ISO date from the Date header, or the time it was received. */
  date: string;
  messageId: string | null;
  headers: Record<string, string>;
};

export type MailCaptureOptions = {
  /** 0 (the default) picks a free port. */
  smtpPort?: number;
  httpPort?: number;
  host?: string;
  /** Oldest messages are dropped beyond this many. */
  maxMessages?: number;
  log?: (entry: Record<string, unknown>) => void;
};

export type MailCapture = {
  smtpPort: number;
  httpPort: number;
  /** The HTTP side, e.g. http://127.0.0.1:1080. */
  url: string;
  messages(): readonly CapturedMessage[];
  clear(): void;
  close(): Promise<void>;
};

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = Array.isArray(field) ? field : field ? [field] : [];
  return objects.flatMap((o) => o.value.map((a) => a.address ?? "").filter(Boolean));
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(text), "Cache-Control": "no-store" });
  res.end(text);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'",
    "X-Frame-Options": "DENY",
  });
  res.end(html);
}

export async function createMailCapture(options: MailCaptureOptions = {}): Promise<MailCapture> {
  const host = options.host ?? "127.0.0.1";
  const maxMessages = options.maxMessages ?? 1_000;
  const log = options.log ?? (() => {});
  let messages: CapturedMessage[] = [];

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    closeTimeout: 2_000,
    banner: "Halles mail capture (TEST MODE)",
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const envelope = session.envelope.rcptTo.map((r) => r.address);
          const to = [...new Set([...addresses(parsed.to), ...addresses(parsed.cc), ...envelope].map((a) => a.toLowerCase()))];
          const headers: Record<string, string> = {};
          for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.line.indexOf(":") + 1).trim();
          const message: CapturedMessage = {
            id: randomUUID(),
            from: parsed.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ""),
            to,
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || null,
            date: (parsed.date ?? new Date()).toISOString(),
            messageId: parsed.messageId ?? null,
            headers,
          };
          messages.push(message);
          if (messages.length > maxMessages) messages = messages.slice(-maxMessages);
          log({ level: "info", msg: "mail captured", id: message.id, to, subject: message.subject });
          callback();
        },
        (error: unknown) => {
          log({ level: "warn", msg: "unreadable mail refused", error: String(error) });
          callback(new Error("Message could not be parsed"));
        },
      );
    },
  });
  smtp.on("error", (error) => log({ level: "error", msg: "smtp error", error: String(error) }));

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname;
    if (path === "/api/messages" && req.method === "GET") {
      const to = url.searchParams.get("to")?.toLowerCase();
      return sendJson(res, 200, to ? messages.filter((m) => m.to.includes(to)) : messages);
    }
    if (path === "/api/messages" && req.method === "DELETE") {
      messages = [];
      log({ level: "info", msg: "messages cleared" });
      return sendJson(res, 200, { deleted: true });
    }
    const one = /^\/(api\/)?messages\/([^/]+)$/.exec(path);
    if (one && req.method === "GET") {
      const message = messages.find((m) => m.id === decodeURIComponent(one[2]));
      if (one[1]) return message ? sendJson(res, 200, message) : sendJson(res, 404, { error: "no such message" });
      return message ? sendHtml(res, 200, renderMessage(message)) : sendHtml(res, 404, "<!doctype html><p>No such message.</p>");
    }
    if (path === "/" && req.method === "GET") return sendHtml(res, 200, renderInbox(messages));
    sendJson(res, 404, { error: "not found" });
  });

  await listen(smtp.server, options.smtpPort ?? 0, host);
  try {
    await listen(http, options.httpPort ?? 0, host);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${httpPort}`;
  log({ level: "info", msg: "mail capture listening", smtpPort, httpPort, url });

  return {
    smtpPort,
    httpPort,
    url,
    messages: () => messages,
    clear: () => {
      messages = [];
    },
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
      ]);
    },
  };
}
