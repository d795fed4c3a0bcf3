// `npm run bench:start -- [--runs N]`: how long a trainer waits after `npm start` until
// the deck answers and the join banner is on screen, against Slidev alone (the floor:
// the poll server starts beside it, not before it). Runs alternate; medians are printed,
// then as the LAST line one JSON object.
import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { KIT_ROOT, SLIDEV_BIN } from '../lib/kitPaths'
import { round } from './lib/benchServer'
import { machineReport } from './lib/machineReport'
import { runMain } from './lib/runMain'
import { START_NODE_ARGS } from './lib/spawnPollServer'

runMain(async () => {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } })
  const runs = Number(values.runs)
  if (!Number.isInteger(runs) || runs < 1 || runs > 20)
    throw new Error('--runs must be a whole number from 1 to 20')
  const slidev: number[] = []
  const kitDeck: number[] = []
  const kitBanner: number[] = []
  for (let run = 0; run < runs; run++) {
    const port = 3400 + run * 2
    slidev.push((await timeStart([SLIDEV_BIN, 'slides.md', '--port', String(port)], `http://localhost:${port}`)).deckMs)
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-start-'))
    try {
      // Exactly as `npm start` runs it; npm's own start-up is left out of both sides.
      const kit = await timeStart([...START_NODE_ARGS, '--host', '127.0.0.1', '--port', '0', '--deck-port', String(port + 1), '--data-dir', dataDir], `http://localhost:${port + 1}`, /Deck: http/)
      kitDeck.push(kit.deckMs)
      kitBanner.push(kit.bannerMs!)
    }
    finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
    console.log(`  run ${run + 1}: Slidev alone ${round(slidev.at(-1)!)} ms · npm start: deck ${round(kitDeck.at(-1)!)} ms, join banner ${round(kitBanner.at(-1)!)} ms`)
  }
  const machine = machineReport()
  console.log(`  ${machine.line}`)
  const result = {
    runs,
    slidevAloneMs: round(median(slidev)),
    startDeckMs: round(median(kitDeck)),
    startBannerMs: round(median(kitBanner)),
    overSlidevMs: round(median(kitDeck) - median(slidev)),
    load1: machine.load1,
    cpuRefMs: machine.cpuRefMs,
  }
  console.log(JSON.stringify(result))
  return 0
})

/** Starts a command and times until `url` answers (and, when given, until `banner` is printed). */
async function timeStart(args: string[], url: string, banner?: RegExp): Promise<{ deckMs: number, bannerMs?: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: KIT_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' } })
  let output = ''
  let bannerMs: number | undefined
  const onData = (chunk: Buffer) => {
    output += chunk
    if (banner && bannerMs === undefined && banner.test(output))
      bannerMs = performance.now() - started
  }
  child.stdout!.on('data', onData)
  child.stderr!.on('data', onData)
  try {
    let deckMs: number | undefined
    const deadline = started + 120_000
    for (;;) {
      if (deckMs !== undefined && (!banner || bannerMs !== undefined))
        return { deckMs, bannerMs }
      if (performance.now() > deadline || child.exitCode !== null)
        throw new Error(`${args[0]} did not get ready:\n${output}`)
      if (deckMs === undefined && await answers(url))
        deckMs = performance.now() - started
      else
        await new Promise(resolve => setTimeout(resolve, 20))
    }
  }
  finally {
    await stop(child)
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
    await response.body?.cancel()
    return response.ok
  }
  catch {
    return false
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null)
    return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGINT')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
