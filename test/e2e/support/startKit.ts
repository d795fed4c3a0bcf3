import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'
import { KIT_ROOT } from '../../../lib/kitPaths'
import { START_NODE_ARGS } from '../../../scripts/lib/spawnPollServer'

export interface RunningKit {
  /** The deck, e.g. `http://localhost:41234`. */
  deckUrl: string
  /** The vote page URL with the code, as in the QR code. */
  joinUrl: string
  code: string
  /** The poll server's origin. */
  pollUrl: string
  output: () => string
  stop: () => Promise<void>
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Runs `npm start` (scripts/start.ts) as a trainer would, on free ports and loopback, and
 * resolves once it printed the join link and the deck answered.
 */
export async function startKit(options: { dataDir: string, session: string, timeoutMs?: number }): Promise<RunningKit> {
  const deckPort = await freePort()
  const child = spawn(process.execPath, [...START_NODE_ARGS, '--host', '127.0.0.1', '--port', '0', '--deck-port', String(deckPort), '--data-dir', options.dataDir, '--session', options.session], {
    cwd: KIT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
  })
  let output = ''
  const exited = new Promise<void>(resolve => child.on('exit', () => resolve()))
  const stop = () => stopChild(child, exited)
  try {
    const ready = await new Promise<{ join: string, deck: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not get ready in time:\n${output}`)), options.timeoutMs ?? 90_000)
      const onData = (chunk: Buffer) => {
        output += chunk
        const join = output.match(/Join:\s+(http:\/\/\S+)/)?.[1]
        const deck = output.match(/Deck: (http:\/\/localhost:\d+)/)?.[1]
        if (join && deck) {
          clearTimeout(timer)
          resolve({ join, deck })
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      exited.then(() => {
        clearTimeout(timer)
        reject(new Error(`npm start exited before it was ready:\n${output}`))
      })
    })
    const url = new URL(ready.join)
    return { deckUrl: ready.deck, joinUrl: ready.join, code: url.pathname.slice(1), pollUrl: url.origin, output: () => output, stop }
  }
  catch (error) {
    await stop()
    throw error
  }
}

/** Ctrl-C, as a trainer would stop it; forced after a grace period. */
export async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return
  child.kill('SIGINT')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}
