import { spawn } from 'node:child_process'
import process from 'node:process'
import { KIT_ROOT, SLIDEV_BIN } from '../../../lib/kitPaths'
import { freePort, stopChild } from './startKit'

export interface RunningDeck {
  /** e.g. `http://localhost:41234` */
  url: string
  port: number
  /** What Slidev printed so far. */
  output: () => string
  /** Resolves when Slidev exits, with its exit code (null when killed by a signal). */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

/**
 * Starts the Slidev dev server alone, pointed at a poll server that the test runs (and may
 * kill) itself, as `npm start` would point it. Returns at once: the e2e global setup
 * (sharedDeck.ts) starts it, and the suite that drives it waits until it answers
 * (deckAnswers), so the other test files need not wait for the deck to boot.
 */
export async function startDeck(options: { pollUrl: string }): Promise<RunningDeck> {
  const port = await freePort()
  const child = spawn(process.execPath, [SLIDEV_BIN, 'slides.md', '--port', String(port)], {
    cwd: KIT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1', VITE_POLL_SERVER_URL: options.pollUrl },
  })
  let output = ''
  child.stdout!.on('data', chunk => output += chunk)
  child.stderr!.on('data', chunk => output += chunk)
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  return { url: `http://localhost:${port}`, port, output: () => output, exited, stop: () => stopChild(child, exited.then(() => {})) }
}

/** True once the deck at `url` answers a request. */
export async function deckAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await response.body?.cancel()
    return true
  }
  catch {
    return false
  }
}
