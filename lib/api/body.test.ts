import { describe, expect, it } from "vitest";
import { readTextWithin } from "./body";

const stream = (parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });

describe("bodies with a ceiling (issue 6 item 8)", () => {
  it("reads a body within the limit", async () => {
    expect(await readTextWithin(new Request("http://x/", { method: "POST", body: "héllo" }), 100)).toBe("héllo");
  });

  it("refuses a declared length over the limit before reading", async () => {
    // Reading this body fails: only an answer given before reading is payload_too_large.
    const body = new ReadableStream({ pull: (controller) => controller.error(new Error("the body was read")) });
    const request = new Request("http://x/", { method: "POST", body, headers: { "content-length": "5000" }, duplex: "half" } as RequestInit);
    await expect(readTextWithin(request, 1024)).rejects.toMatchObject({ code: "payload_too_large", status: 413 });
  });

  it("stops reading a chunked body as soon as it passes the limit", async () => {
    const request = new Request("http://x/", { method: "POST", body: stream(["a".repeat(600), "b".repeat(600), "c".repeat(600)]), duplex: "half" } as RequestInit);
    await expect(readTextWithin(request, 1000)).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
