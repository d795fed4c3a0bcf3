import { spawn } from 'node:child_process'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { KIT_ROOT, SLIDEV_BIN } from '../../../lib/kitPaths'
import { freePort, stopChild } from './startKit'

export interface RunningDeck {
  /** e.g. `http://localhost:41234` */
  url: string
  port: number
  stop: () => Promise<void>
}

/**
 * Resolves once `ready` is true, polling every `interval` ms; rejects on timeout or when
 * `ready` throws. Global setup runs outside a test worker, where vi.waitUntil is not available.
 */
async function waitUntil(ready: () => Promise<boolean>, { timeout, interval }: { timeout: number, interval: number }): Promise<void> {
  const deadline = performance.now() + timeout
  while (!(await ready())) {
    if (performance.now() > deadline)
      throw new Error(`not ready after ${timeout} ms`)
    await sleep(interval)
  }
}

/**
 * Runs the Slidev dev server alone, pointed at a poll server that the test runs (and may
 * kill) itself, as `npm start` would point it. Resolves once the deck answers. The e2e
 * project's global setup (sharedDeck.ts) runs one for all its files.
 */
export async function startDeck(options: { pollUrl: string, timeoutMs?: number }): Promise<RunningDeck> {
  const port = await freePort()
  const child = spawn(process.execPath, [SLIDEV_BIN, 'slides.md', '--port', String(port)], {
    cwd: KIT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1', VITE_POLL_SERVER_URL: options.pollUrl },
  })
  let output = ''
  child.stdout!.on('data', chunk => output += chunk)
  child.stderr!.on('data', chunk => output += chunk)
  const exited = new Promise<void>(resolve => child.on('exit', () => resolve()))
  const url = `http://localhost:${port}`
  /** True once the deck answers; throws (ending the wait at once) when Slidev has exited. */
  const answers = async (): Promise<boolean> => {
    if (child.exitCode !== null)
      throw new Error(`Slidev exited with code ${child.exitCode}`)
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await response.body?.cancel()
      return true
    }
    catch {
      return false
    }
  }
  try {
    await waitUntil(answers, { timeout: options.timeoutMs ?? 90_000, interval: 300 })
  }
  catch {
    await stopChild(child, exited)
    throw new Error(`The deck did not start:\n${output}`)
  }
  return { url, port, stop: () => stopChild(child, exited) }
}
