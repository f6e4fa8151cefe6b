import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints.mjs";

describe("addCompileHints", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function build(files: Record<string, string>): string {
    const distDir = mkdtempSync(path.join(tmpdir(), "halles-hints-"));
    dirs.push(distDir);
    for (const [name, content] of Object.entries(files)) {
      const file = path.join(distDir, "static", "chunks", name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
    return distDir;
  }
  const read = (distDir: string, name: string) => readFileSync(path.join(distDir, "static", "chunks", name), "utf8");

  it("marks every script, nested ones too, at its very top, and leaves other files alone", async () => {
    const distDir = build({ "a.js": "(globalThis.TURBOPACK||[]).push([1]);", "pages/b.js": "let b;\n", "c.css": "body{}" });
    expect(await addCompileHints(distDir)).toBe(2);
    expect(read(distDir, "a.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(read(distDir, "pages/b.js")).toBe(`${COMPILE_HINT}let b;\n`);
    expect(read(distDir, "c.css")).toBe("body{}");
  });

  it("marks a script once, however often it runs", async () => {
    const distDir = build({ "a.js": "let a;" });
    await addCompileHints(distDir);
    expect(await addCompileHints(distDir)).toBe(0);
    expect(read(distDir, "a.js")).toBe(`${COMPILE_HINT}let a;`);
  });
});
