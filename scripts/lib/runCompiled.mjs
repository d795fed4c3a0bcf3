// Runs a TypeScript entry point compiled once into plain JavaScript, for the commands whose
// start-up and memory users feel: the poll server (measured at 5,000 phones) and the
// handouts. tsx compiles on every start and stays loaded (~30 MB more for the server);
// here esbuild bundles the entry's own modules (packages stay in node_modules) into
// node_modules/.cache/pm-workshop-kit/, and later runs reuse that file while none of its
// sources changed (their size and time are recorded beside it).
// Usage: node scripts/lib/runCompiled.mjs scripts/poll-server.ts [args…]
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const [entryArg, ...args] = process.argv.slice(2)
if (!entryArg) {
  process.stderr.write('Usage: node scripts/lib/runCompiled.mjs FILE.ts [args…]\n')
  process.exit(1)
}
const entry = resolve(entryArg)
const cacheDir = join(root, 'node_modules/.cache/pm-workshop-kit')
const name = basename(entry).replace(/\.ts$/, '')
const bundle = join(cacheDir, `${name}.mjs`)
const stampFile = join(cacheDir, `${name}.inputs.json`)

/** Each source file's size and modification time, as recorded after the last build. */
function stampOf(file) {
  const stat = statSync(file)
  return `${stat.size}:${stat.mtimeMs}`
}

function upToDate() {
  try {
    const recorded = JSON.parse(readFileSync(stampFile, 'utf8'))
    statSync(bundle)
    return Object.entries(recorded).every(([file, stamp]) => stampOf(join(root, file)) === stamp)
  }
  catch {
    return false
  }
}

if (!upToDate()) {
  const { build } = await import('esbuild')
  mkdirSync(cacheDir, { recursive: true })
  // Another process may be building the same entry: write beside, then rename into place.
  const temp = `${bundle}.${process.pid}.tmp`
  const result = await build({
    entryPoints: [entry],
    outfile: temp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    metafile: true,
    logLevel: 'error',
  })
  const stamps = Object.fromEntries(Object.keys(result.metafile.inputs).map(file => [file, stampOf(join(root, file))]))
  renameSync(temp, bundle)
  writeFileSync(stampFile, `${JSON.stringify(stamps)}\n`)
}

process.argv = [process.argv[0], entry, ...args]
await import(pathToFileURL(bundle).href)
