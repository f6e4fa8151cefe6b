// postinstall: mends postgres.js 3.4.9's connection teardown, which the PostgreSQL-restart fault
// drill (tests/drills/postgres-restart.int.test.ts) showed breaking the web app and the workers.
// Upstream: porsager/postgres issues #1154 and #1208 (pull requests #1168, #1209), not released.
//
// 1. A write queued for the next tick after its connection closed threw from a timer
//    ("Cannot read properties of null (reading 'write')"): an uncaught exception that ends a
//    worker process. A transaction whose session the server ends hits it through its own ROLLBACK.
//    Now the write is dropped and what waits on it is rejected with CONNECTION_CLOSED.
// 2. Closing left the queued bytes and a cancelled timer behind; the connection then never
//    flushed a write again (each reconnect ended in CONNECT_TIMEOUT), so a pool lost connections
//    for good at every database restart. Closing now forgets them, and the old session's query and
//    error, which otherwise failed the first query on the new session with the old session's error.
//
// Plain Node, no dependency: it runs in `npm ci` before anything else is usable, in every image.
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const MARK = "/* halles: teardown patched */";
const VERSION = "3.4.9";

const FIXES = [
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
];

const require = createRequire(import.meta.url);
let root;
try {
  root = path.resolve(path.dirname(require.resolve("postgres")), "../.."); // cjs/src/index.js
} catch {
  process.exit(0); // not installed (yet): nothing to mend
}
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
if (version !== VERSION) {
  console.warn(`[patch-postgres] postgres ${version} is not ${VERSION}: left as it is. Check the fixes are upstream, then drop this script.`);
  process.exit(0);
}

for (const file of ["src/connection.js", "cjs/src/connection.js", "cf/src/connection.js"]) {
  const target = path.join(root, file);
  if (!existsSync(target)) continue;
  let text = readFileSync(target, "utf8");
  if (text.includes(MARK)) continue;
  for (const { find, replace } of FIXES) {
    const at = text.indexOf(find);
    if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`[patch-postgres] ${file}: expected exactly one of ${JSON.stringify(find.slice(0, 60))}`);
    text = text.slice(0, at) + replace + text.slice(at + find.length);
  }
  writeFileSync(target, `${text}\n${MARK}\n`);
}
