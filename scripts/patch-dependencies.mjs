// postinstall: mends two dependencies whose fixes are upstream but not in a release we can run,
// both found by the PostgreSQL-restart fault drill (tests/drills/postgres-restart.int.test.ts).
// Each fix applies to one exact version; any other version is left alone, with a warning to check
// whether the fix is upstream and drop it here.
//
// postgres.js 3.4.9 (upstream porsager/postgres issues #1154 and #1208, pull requests #1168, #1209):
// 1. A write queued for the next tick after its connection closed threw from a timer
//    ("Cannot read properties of null (reading 'write')"): an uncaught exception that ends a
//    worker process. A transaction whose session the server ends hits it through its own ROLLBACK.
//    Now the write is dropped and what waits on it is rejected with CONNECTION_CLOSED.
// 2. Closing left the queued bytes and a cancelled timer behind; the connection then never
//    flushed a write again (each reconnect ended in CONNECT_TIMEOUT), so a pool lost connections
//    for good at every database restart. Closing now forgets them, and the old session's query and
//    error, which otherwise failed the first query on the new session with the old session's error.
//
// graphile-worker 0.16.6 (fixed upstream by graphile/worker pull request #544, in releases that need
// Node 22): when the crontab's minute tick could not be written (the database down at a minute's
// turn), the runner's `promise` rejected, which the runtime's supervisor handles, but so did two
// `.finally()` copies of it that nobody handled: an unhandled rejection that ends the process. The
// copies are now handled; the runner's own `promise` still rejects, and the supervisor starts a new one.
//
// Plain Node, no dependency: it runs in `npm ci` before anything else is usable, in every image.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const PATCHES = [
  {
    name: "postgres",
    version: "3.4.9",
    mark: "/* halles: teardown patched */",
    root: (resolved) => path.resolve(path.dirname(resolved), "../.."), // cjs/src/index.js
    files: ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"],
    fixes: [
      {
        find: "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)",
        replace:
          "  function nextWrite(fn) {\n" +
          "    if (!socket) { // halles: closed before this write went out\n" +
          "      chunk = nextWriteTimer = null\n" +
          "      error(Errors.connection('CONNECTION_CLOSED', options))\n" +
          "      query = null\n" +
          "      return false\n" +
          "    }\n" +
          "    const x = socket.write(chunk, fn)",
      },
      {
        find: "    clearImmediate(nextWriteTimer)\n    if (socket) {",
        replace: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // halles\n    if (socket) {",
      },
      {
        find: "    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
        replace: "    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null // halles\n    socket.removeListener('data', data)",
      },
      {
        find: "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n",
        replace:
          "    !hadError && (query || sent.length) && error(Errors.connection('CONNECTION_CLOSED', options, socket))\n" +
          "    query = results = errorResponse = null // halles: the old session's, settled above\n" +
          "    result = new Result()\n",
      },
    ],
  },
  {
    name: "graphile-worker",
    version: "0.16.6",
    mark: "/* halles: cron rejection patched */",
    root: (resolved) => path.resolve(path.dirname(resolved), ".."), // dist/index.js
    files: ["dist/runner.js"],
    fixes: ["workerPool", "cron"].map((part) => ({
      find: `    ${part}.promise.finally(() => {\n        if (running) {\n            stop();\n        }\n    });`,
      replace: `    ${part}.promise.finally(() => {\n        if (running) {\n            stop();\n        }\n    }).catch(() => { }); // halles: \`promise\` below reports it`,
    })),
  },
];

const require = createRequire(import.meta.url);

for (const patch of PATCHES) {
  let root;
  try {
    root = patch.root(require.resolve(patch.name));
  } catch {
    continue; // not installed (yet): nothing to mend
  }
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  if (version !== patch.version) {
    console.warn(`[patch-dependencies] ${patch.name} ${version} is not ${patch.version}: left as it is. Check the fixes are upstream, then drop them here.`);
    continue;
  }
  for (const file of patch.files) {
    const target = path.join(root, file);
    if (!existsSync(target)) continue;
    let text = readFileSync(target, "utf8");
    if (text.includes(patch.mark)) continue;
    for (const { find, replace } of patch.fixes) {
      const at = text.indexOf(find);
      if (at === -1 || text.indexOf(find, at + 1) !== -1) {
        throw new Error(`[patch-dependencies] ${patch.name}/${file}: expected exactly one of ${JSON.stringify(find.slice(0, 60))}`);
      }
      text = text.slice(0, at) + replace + text.slice(at + find.length);
    }
    writeFileSync(target, `${text}\n${patch.mark}\n`);
  }
}
