import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-path";

describe("safeNextPath", () => {
  it("keeps relative paths on this site, with their query", () => {
    expect(safeNextPath("/account")).toBe("/account");
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/c/pantry?sort=price-asc&diet=vegan")).toBe("/c/pantry?sort=price-asc&diet=vegan");
    expect(safeNextPath("/")).toBe("/");
  });

  it("falls back to the account page for anything else", () => {
    for (const bad of [
      undefined,
      null,
      "",
      ["/account", "/admin"],
      "account",
      "https://evil.test/",
      "http:/evil.test",
      "//evil.test/path",
      "/\\evil.test",
      "\\\\evil.test",
      "javascript:alert(1)",
      "/%0d%0aSet-Cookie:x=1".replace("%0d%0a", "\r\n"),
      "/\tevil",
      "/" + "a".repeat(600),
      "/sign-in",
      "/sign-in?next=/sign-in",
      "/sign-up",
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe("/account");
    }
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeNextPath("/a/../account")).toBe("/account");
    expect(safeNextPath("/../../evil")).toBe("/evil");
  });

  it("uses the given fallback", () => {
    expect(safeNextPath("https://evil.test", "/")).toBe("/");
  });
});
