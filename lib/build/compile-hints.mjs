// A Next.js adapter (next.config.ts `adapterPath`) with one job: once `next build` has written the
// browser's scripts, mark each with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`.
// Chromium then compiles the whole file on a background thread while it downloads, rather than
// function by function on the main thread while the framework starts: on a phone profile (4× CPU)
// the home page's start-up blocked the main thread for 265 ms without it, 115 ms with it
// (docs/web.md). Other browsers ignore the comment. Every caller of `next build` gets it (npm start,
// the benches, the end-to-end run, the Dockerfile); the dev server does not need it.
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** Puts the hint at the top of every script under `<distDir>/static/chunks`, once; returns how many it marked. */
export async function addCompileHints(distDir) {
  const dir = path.join(distDir, "static", "chunks");
  const scripts = (await readdir(dir, { recursive: true })).filter((file) => file.endsWith(".js"));
  const marked = await Promise.all(
    scripts.map(async (file) => {
      const source = await readFile(path.join(dir, file), "utf8");
      if (source.startsWith(COMPILE_HINT)) return false;
      await writeFile(path.join(dir, file), COMPILE_HINT + source);
      return true;
    }),
  );
  return marked.filter(Boolean).length;
}

/** @type {import("next").NextAdapter} */
const adapter = {
  name: "halles-compile-hints",
  async onBuildComplete({ distDir }) {
    await addCompileHints(distDir);
  },
};

export default adapter;
