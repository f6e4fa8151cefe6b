// The test-mode tools on a taken port: the port, its owner and the variable that moves it, not a bare EADDRINUSE.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort, holdPort } from "@/tests/ports";

function runTool(entry: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", entry], { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stderr })));
}

describe("start-up and ports (issue 6 item 11): the test-mode tools", () => {
  it("name a taken port, its owner and its variable", async () => {
    const held = await holdPort("127.0.0.1");
    try {
      const { code, stderr } = await runTool("tools/mail-capture/cli.ts", {
        MAIL_CAPTURE_SMTP_PORT: String(await freePort()),
        MAIL_CAPTURE_HTTP_PORT: String(held.port),
      });
      expect(code).toBe(1);
      const line = JSON.parse(stderr.trim()) as { level: string; error: string };
      expect(line.level).toBe("error");
      expect(line.error).toContain(`Port ${held.port} (mail-capture) is already in use by`);
      expect(line.error).toContain(`(pid ${process.pid}`);
      expect(line.error).toContain("set MAIL_CAPTURE_HTTP_PORT to a free port");
    } finally {
      await held.release();
    }
  }, 30_000);
});
