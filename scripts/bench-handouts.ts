// `npm run bench:handouts -- [--runs N]`: runs `npm run handouts` as a trainer would (a new
// process each time, npm and all) for the shipped library and the results fixture, into a
// temp folder, N times, and prints the wall time of each run, the median, and the machine's
// load. The LAST line is one JSON object. Slide pictures come from the cache, as on any run
// after the first (the first exports the deck once per plan: 15–35 s on the reference machine).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { KIT_ROOT } from '../lib/kitPaths.ts'
import { round } from './lib/benchServer.ts'
import { machineReport } from './lib/machineReport.ts'
import { runMain } from './lib/runMain.ts'

/** The results export the benchmark reports on (also used by the tests). */
const RESULTS_FIXTURE = resolve(KIT_ROOT, 'test/fixtures/results/session-results.json')

runMain(async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1 || runs > 20)
    throw new Error('--runs must be a whole number from 1 to 20')
  // Under `npm run`, npm says where it lives; run the same npm again.
  const npm = process.env.npm_execpath
  const command = npm ? [process.execPath, npm] : [process.platform === 'win32' ? 'npm.cmd' : 'npm']
  const walls: number[] = []
  let summary = ''
  for (let run = 0; run < runs; run++) {
    const outDir = mkdtempSync(join(tmpdir(), 'bench-handouts-'))
    try {
      const started = performance.now()
      summary = await runToEnd([...command, 'run', '-s', 'handouts', '--', '--results', RESULTS_FIXTURE, '--out', outDir])
      walls.push(performance.now() - started)
      console.log(`  run ${run + 1}: ${round(walls.at(-1)!)} ms wall`)
    }
    finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  }
  console.log(summary.split('\n').filter(line => /pages?$/.test(line)).join('\n'))
  const pages = [...summary.matchAll(/(\d+) pages?$/gm)].reduce((sum, match) => sum + Number(match[1]), 0)
  const sorted = [...walls].sort((a, b) => a - b)
  const machine = machineReport()
  console.log(`  ${machine.line}`)
  console.log(JSON.stringify({
    runs,
    documents: [...summary.matchAll(/pages?$/gm)].length,
    pages,
    medianWallMs: round(sorted[Math.floor((sorted.length - 1) / 2)]!),
    minWallMs: round(sorted[0]!),
    maxWallMs: round(sorted.at(-1)!),
    load1: machine.load1,
    cpuRefMs: machine.cpuRefMs,
  }))
  return 0
})

function runToEnd(argv: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: KIT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' })
    let output = ''
    child.stdout.on('data', chunk => output += chunk)
    child.stderr.on('data', chunk => output += chunk)
    child.on('error', reject)
    child.on('exit', code => code === 0 ? resolvePromise(output) : reject(new Error(`npm run handouts failed (${code}):\n${output}`)))
  })
}
