// Runs a TypeScript entry point with tsx's in-thread CommonJS hook. `tsx` (its ESM
// loader) runs on Node 20 in a second thread with its own heap, about 25 MB more: for
// the long-running poll server, whose memory is measured, that matters.
// Usage: node scripts/lib/runInThread.cjs scripts/poll-server.ts [args…]
const { resolve } = require('node:path')
const process = require('node:process')

require('tsx/cjs')

const [node, , entry, ...args] = process.argv
if (!entry) {
  process.stderr.write('Usage: node scripts/lib/runInThread.cjs FILE.ts [args…]\n')
  process.exit(1)
}
process.argv = [node, resolve(entry), ...args]
require(resolve(entry))
