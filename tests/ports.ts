// TCP ports for tests: a free one to hand to a service, or one held by a listening socket (a port "taken by another program").
import { createServer } from "node:net";

export type HeldPort = { port: number; release(): Promise<void> };

/** Listens on a free port of `host` (every interface when unset) until released. */
export async function holdPort(host?: string): Promise<HeldPort> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, resolve);
  });
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const held = await holdPort("127.0.0.1");
  await held.release();
  return held.port;
}
