// The check before start-up: a port held by a listening socket is reported with its number, its
// owner (this test process) and the variable that chooses another.
import { afterEach, describe, expect, it } from "vitest";
import { freePort, holdPort, type HeldPort } from "@/tests/ports";
import { assertPortsFree, PortsTakenError, portIsFree } from "./port-in-use";
import { describePortOwner, findPortOwner } from "./port-owner";

let held: HeldPort[] = [];
afterEach(async () => {
  await Promise.all(held.map((h) => h.release()));
  held = [];
});

async function hold(host?: string): Promise<number> {
  const port = await holdPort(host);
  held.push(port);
  return port.port;
}

async function takenPorts(claims: Parameters<typeof assertPortsFree>[0]): Promise<PortsTakenError> {
  const error = await assertPortsFree(claims).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PortsTakenError);
  return error as PortsTakenError;
}

describe("start-up and ports (issue 6 item 11): taken ports", () => {
  it("names the port, what holds it and the variable to change, for every taken port", async () => {
    const web = await hold("127.0.0.1");
    const scheduler = await hold("127.0.0.1");
    const free = await freePort();
    const error = await takenPorts([
      { port: web, purpose: "web server", variable: "PORT" }, // every interface, as next start listens
      { port: free, host: "127.0.0.1", purpose: "mail capture SMTP", variable: "MAIL_CAPTURE_SMTP_PORT" },
      { port: scheduler, host: "127.0.0.1", purpose: "scheduler health server", variable: "SCHEDULER_HEALTH_PORT" },
    ]);
    expect(error.taken.map((e) => [e.port, e.variable, e.owner?.pid])).toEqual([
      [web, "PORT", process.pid],
      [scheduler, "SCHEDULER_HEALTH_PORT", process.pid],
    ]);
    const [first, second] = error.message.split("\n");
    expect(first).toMatch(new RegExp(`^Port ${web} \\(web server\\) is already in use by \\S+ \\(pid ${process.pid}: .+\\): stop it, or set PORT to a free port\\.$`));
    expect(second).toContain(`Port ${scheduler} (scheduler health server)`);
    expect(second).toContain("set SCHEDULER_HEALTH_PORT to a free port");
  });

  it("sees a port held on every interface as taken on 127.0.0.1", async () => {
    const port = await hold();
    expect(await portIsFree(port, "127.0.0.1")).toBe(false);
    expect(await portIsFree(port)).toBe(false);
  });

  it("passes free ports, and leaves them free", async () => {
    const port = await freePort();
    await expect(assertPortsFree([{ port, host: "127.0.0.1", purpose: "web server", variable: "PORT" }])).resolves.toBeUndefined();
    expect(await portIsFree(port, "127.0.0.1")).toBe(true);
  });

  it("says 'another program' when nobody can be named", async () => {
    expect(findPortOwner(await freePort())).toBeNull();
    expect(describePortOwner(null)).toBe("another program");
  });
});
