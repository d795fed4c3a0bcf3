import type { Buffer } from 'node:buffer'
// Runs the poll server as `npm run poll-server` does, as a child process (so it can be measured, or killed with
// -9) and waits until it listens. Used by the benchmark and the crash tests.
import type { ChildProcess } from 'node:child_process'
import type { ServerStats, StatsRequest } from './serverStats'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { KIT_ROOT } from '../../lib/kitPaths'
import { UserFacingError } from '../../lib/userFacingError'
import { TOKEN_FILE_NAME } from '../../poll/server/presenterToken'

/**
 * How `npm run poll-server` and `npm start` run the server (keep package.json in step):
 * compiled once to JavaScript (no TypeScript loader in the process), and a small young
 * generation, which keeps the peak memory of a burst low.
 */
export const POLL_SERVER_NODE_ARGS = [...(process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : []), '--max-semi-space-size=4', 'scripts/lib/runCompiled.mjs', 'scripts/poll-server.ts']

/**
 * How `npm start` runs (keep package.json's "start" in step): compiled once, like the
 * server, so the deck and the banner are not kept waiting by a TypeScript loader (~0.4 s).
 */
export const START_NODE_ARGS = ['scripts/lib/runCompiled.mjs', 'scripts/start.ts']

/** What the baseline server (baselineServer.ts) accepts: a fixed join code and presenter token. */
export const BASELINE_JOIN_CODE = 'BENCH'
export const BASELINE_TOKEN = 'baseline-presenter-token-baseline-presenter-token'

export interface SpawnedPollServer {
  child: ChildProcess
  /** With `stats`: starts a measurement window (reset) or reads it. */
  stats: (request: StatsRequest) => Promise<ServerStats | undefined>
  port: number
  token: string
  /** Everything it printed so far. */
  output: () => string
  exited: Promise<number | null>
}

export interface SpawnPollServerOptions {
  dataDir: string
  /** 0 picks a free port. */
  port?: number
  session: string
  scenarios?: string
  args?: string[]
  timeoutMs?: number
  /** Start the server under this open-file limit (POSIX shells only: `ulimit -n` sets soft and hard; Node raises its soft limit to the hard one, so only both bite). */
  fileLimit?: number
  /** Open an IPC channel, so the parent can ask for figures (see serverStats.ts). */
  stats?: boolean
  /** The benchmark's in-memory yardstick (baselineServer.ts) instead of the poll server; it takes no flags. */
  baseline?: boolean
}

export function spawnPollServer(options: SpawnPollServerOptions): Promise<SpawnedPollServer> {
  const args = ['--host', '127.0.0.1', '--port', String(options.port ?? 0), '--data-dir', options.dataDir, '--session', options.session]
  if (options.scenarios)
    args.push('--scenarios', options.scenarios)
  const argv = options.baseline
    ? [...POLL_SERVER_NODE_ARGS.slice(0, -1), 'scripts/lib/baselineServer.ts']
    : [...POLL_SERVER_NODE_ARGS, ...args, ...(options.args ?? [])]
  // `ulimit` changes the shell's own limit, which `exec` hands to Node unchanged.
  const [command, commandArgs] = options.fileLimit === undefined
    ? [process.execPath, argv]
    : ['/bin/sh', ['-c', `ulimit -n ${Math.floor(options.fileLimit)} && exec "$0" "$@"`, process.execPath, ...argv]]
  const child = spawn(command, commandArgs, {
    cwd: KIT_ROOT,
    stdio: options.stats ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new UserFacingError(`The poll server did not start within ${options.timeoutMs ?? 20_000} ms:\n${output}`))
    }, options.timeoutMs ?? 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = output.match(/Listening on port (\d+)/)
      if (match) {
        clearTimeout(timer)
        const token = options.baseline ? BASELINE_TOKEN : readFileSync(join(options.dataDir, TOKEN_FILE_NAME), 'utf8').trim()
        resolve({ child, port: Number(match[1]), token, output: () => output, exited, stats: request => askStats(child, request) })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    exited.then((code) => {
      clearTimeout(timer)
      reject(new UserFacingError(`The poll server exited (code ${code}) before listening:\n${output}`))
    })
  })
}

function askStats(child: ChildProcess, request: StatsRequest): Promise<ServerStats | undefined> {
  if (!child.send || !child.connected)
    return Promise.resolve(undefined)
  if (request === 'stats:reset') {
    child.send(request)
    return Promise.resolve(undefined)
  }
  return new Promise((resolve) => {
    child.once('message', message => resolve(message as ServerStats))
    child.send(request)
  })
}
