// Graceful stop of the web server (issue 9): a second server from the same build gets SIGTERM
// while a request is in flight (its body still arriving). It stops accepting connections and
// answers readiness 503, the request in flight still gets its whole answer, and the process exits.
import { spawn } from "node:child_process";
import { connect, type Socket } from "node:net";
import { createInterface } from "node:readline";
import { LOCAL_STRIPE } from "../scripts/lib/stack";
import { NEXT_BIN, WEB_PRELOAD } from "../scripts/lib/processes";
import { freePort } from "../tests/ports";
import { parsePrometheusText, sampleSum } from "../tests/prometheus-text";
import { expect, test } from "./fixtures";

const BODY = '{"id":"evt_graceful","object":"event"}';

/** Reads everything the server sends on the socket until it closes it. */
const readAll = (socket: Socket) =>
  new Promise<string>((resolve, reject) => {
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("close", () => resolve(text));
    socket.on("error", reject);
  });

test("SIGTERM: the web server refuses new work, finishes the request in flight, then exits", async () => {
  test.slow();
  const [port, metricsPort] = [await freePort(), await freePort()];
  const stripe = new URL(process.env.STRIPE_TEST_SERVER_URL ?? "http://127.0.0.1:3101");
  const server = spawn(process.execPath, [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(port)], {
    env: {
      ...process.env,
      METRICS_PORT: String(metricsPort),
      STRIPE_SECRET_KEY: LOCAL_STRIPE.secretKey,
      STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret,
      STRIPE_API_HOST: stripe.hostname,
      STRIPE_API_PORT: stripe.port,
      STRIPE_API_PROTOCOL: "http",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines: string[] = [];
  createInterface({ input: server.stdout! }).on("line", (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    const base = `http://127.0.0.1:${port}`;
    await expect.poll(async () => (await fetch(`${base}/api/health/ready`).catch(() => null))?.status, { timeout: 60_000 }).toBe(200);

    // A webhook whose body is half sent: in flight on the server until the rest arrives.
    const socket = connect(port, "127.0.0.1");
    const answer = readAll(socket);
    socket.write(`POST /api/webhooks/stripe HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nStripe-Signature: t=1,v1=00\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n`);
    socket.write(BODY.slice(0, 10));
    const inFlight = async () => sampleSum(parsePrometheusText(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()), "halles_http_requests_in_flight");
    await expect.poll(inFlight).toBe(1);

    server.kill("SIGTERM");
    await expect.poll(() => lines.some((line) => line.includes('"stopping: no new connections; finishing the requests in flight"'))).toBe(true);
    // No new connection is taken.
    await expect.poll(async () => (await fetch(`${base}/api/health`).then(() => "answered", (error: Error) => String(error.cause ?? error))), { timeout: 15_000 }).toContain("ECONNREFUSED");
    expect(server.exitCode).toBeNull();

    socket.write(BODY.slice(10));
    const response = await answer;
    // The whole answer (the signature is a dummy: 400), and the connection closed after it.
    expect(response).toMatch(/^HTTP\/1\.1 400 /);
    expect(response.toLowerCase()).toContain("connection: close");
    expect(response).toContain('"code":"bad_request"');
    // Next.js exits 128 + SIGTERM once nothing is in flight (1 would mean WEB_SHUTDOWN_GRACE_MS ran out).
    expect(await exited).toBe(143);
    expect(lines.some((line) => line.includes('"stopping: no request in flight any more"'))).toBe(true);
  } finally {
    server.kill("SIGKILL");
  }
});
