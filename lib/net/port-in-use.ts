// A TCP port that another program already listens on: one typed error for every service, naming
// the port, what holds it and the variable that chooses another; and the check run before start-up.
import { createServer } from "node:net";
import { describePortOwner, findPortOwner, type PortOwner } from "./port-owner";

export class PortInUseError extends Error {
  readonly code = "port_in_use";
  constructor(
    readonly port: number,
    /** What the port is for: "web server", "order-worker health server"… */
    readonly purpose: string,
    /** The environment variable that sets it. */
    readonly variable: string,
    readonly owner: PortOwner | null,
  ) {
    super(`Port ${port} (${purpose}) is already in use by ${describePortOwner(owner)}: stop it, or set ${variable} to a free port.`);
    this.name = "PortInUseError";
  }
}

/** Several ports taken at once, each reported. */
export class PortsTakenError extends Error {
  readonly code = "ports_taken";
  constructor(readonly taken: PortInUseError[]) {
    super(taken.map((error) => error.message).join("\n"));
    this.name = "PortsTakenError";
  }
}

export type PortClaim = { port: number; host?: string; purpose: string; variable: string };

export function isAddressInUse(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "EADDRINUSE";
}

/** The error for a port found taken, with its owner looked up now (while it still listens). */
export function portInUseError(claim: Omit<PortClaim, "host">): PortInUseError {
  return new PortInUseError(claim.port, claim.purpose, claim.variable, findPortOwner(claim.port));
}

/** Whether `port` can be listened on at `host` (every interface when unset): listens, then closes at once. */
export function portIsFree(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error) => (isAddressInUse(error) ? resolve(false) : reject(error)));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/**
 * Checks every port a command is about to listen on, before it starts anything, and reports all
 * the taken ones at once. Something may still take a port between the check and the listen:
 * each service also reports its own taken port (PortInUseError).
 */
export async function assertPortsFree(claims: PortClaim[]): Promise<void> {
  const taken: PortInUseError[] = [];
  for (const claim of claims) if (!(await portIsFree(claim.port, claim.host))) taken.push(portInUseError(claim));
  if (taken.length > 0) throw new PortsTakenError(taken);
}
