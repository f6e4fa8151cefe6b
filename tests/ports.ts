// TCP ports for tests: a free one to hand to a service, or one held by a listening socket (a port "taken by another program").
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

export type HeldPort = { port: number; release(): Promise<void> };

/** Listens on `port` (a free one when 0) of `host` (every interface when unset) until released. */
export async function holdPort(host?: string, port = 0): Promise<HeldPort> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as { port: number };
  return { port: address.port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** The lowest port Linux gives outgoing connections (and `listen(0)`); 32768 where unreadable. */
function ephemeralLow(): number {
  try {
    return Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]) || 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST = 20_000;
/** The ports this process tried: two calls never answer the same one. */
const handedOut = new Set<number>();

/**
 * A port that was free on every interface a moment ago, below the kernel's ephemeral range. A port
 * from `listen(0)` is in that range: between its release and the service's bind, any outgoing
 * connection (a database pool's, a fetch) could take it as its local port, and did, ending a web
 * server's start in EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  const span = ephemeralLow() - LOWEST;
  for (let attempt = 0; span > 0 && attempt < 100; attempt++) {
    const port = LOWEST + Math.floor(Math.random() * span);
    if (handedOut.has(port)) continue;
    handedOut.add(port); // before the await: calls side by side never try the same port
    const held = await holdPort(undefined, port).catch(() => null);
    if (held) {
      await held.release();
      return port;
    }
  }
  const held = await holdPort();
  await held.release();
  return held.port;
}
