// The mail capture's HTML pages: the inbox (newest first) and one message. Everything from a
// captured mail is escaped; a message's HTML is shown in a sandboxed iframe (no scripts).
import type { CapturedMessage } from "./server";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#111827}
header{background:#fef3c7;padding:8px 16px;font-size:14px}main{padding:16px;max-width:1000px}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #e5e7eb;font-size:14px}
a{color:#1d4ed8}iframe{width:100%;height:70vh;border:1px solid #d1d5db}pre{white-space:pre-wrap;background:#f9fafb;padding:8px}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>${STYLE}</style></head>
<body><header><strong>Mail capture</strong> — TEST MODE: nothing here was delivered to anyone.</header><main>${body}</main></body></html>\n`;
}

export function renderInbox(messages: readonly CapturedMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escape(new Date(m.date).toLocaleString("en-GB", { timeZone: "UTC" }))} UTC</td><td>${escape(m.to.join(", "))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(m.id)}">${escape(m.subject || "(no subject)")}</a></td><td>${escape(m.from)}</td></tr>`,
    )
    .join("\n");
  const body = messages.length
    ? `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th><th>From</th></tr></thead><tbody>${rows}</tbody></table>`
    : "<p>No messages yet.</p>";
  return page(`Inbox (${messages.length})`, `<h1>Inbox (${messages.length})</h1>${body}`);
}

export function renderMessage(m: CapturedMessage): string {
  const html = m.html
    ? `<h2>HTML</h2><iframe sandbox title="HTML body" srcdoc="${escape(m.html)}"></iframe>`
    : "";
  return page(
    m.subject || "(no subject)",
    `<p><a href="/">← Inbox</a></p><h1>${escape(m.subject || "(no subject)")}</h1>
<table><tbody><tr><th>From</th><td>${escape(m.from)}</td></tr><tr><th>To</th><td>${escape(m.to.join(", "))}</td></tr>
<tr><th>Date</th><td>${escape(m.date)}</td></tr></tbody></table>${html}<h2>Text</h2><pre>${escape(m.text)}</pre>`,
  );
}
