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

  it("open redirect after sign-in (issue 6 item 1): checks the path after resolving dot segments", () => {
    for (const bad of [
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/a/b/../..//evil.example",
      "/%2e%2e//evil.example",
      "/%2E%2E//evil.example",
      "/.%2e//evil.example",
      "/%2e//evil.example",
      "/./%2fevil.example",
      "/%2f/evil.example",
      "/%2F%2Fevil.example",
      "/%5cevil.example",
      "/%5C%5Cevil.example",
      "/.%5c/evil.example",
      "/..%5c/evil.example",
      "/%09/evil.example",
      "/%09%2f/evil.example",
      "/\t/evil.example",
      "/%0a/evil.example",
      "/%00/evil.example",
      "/%zz",
    ]) {
      const result = safeNextPath(bad);
      expect(result, bad).toBe("/account");
    }
  });

  it("never returns anything a browser would read as another host", () => {
    // Whatever it returns starts with one slash and nothing that decodes to a second one.
    const attempts = ["/.//x", "/..//x", "/%2e%2e//x", "/a/%2e%2e//x", "/a/.%2E//x", "/%2e/%2e%2e//x"];
    for (const attempt of attempts) {
      const result = safeNextPath(attempt, "/");
      expect(decodeURIComponent(result).startsWith("//"), attempt).toBe(false);
      expect(new URL(result, "https://halles.example").host, attempt).toBe("halles.example");
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
