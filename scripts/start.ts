// `npm start`: the poll server (on the LAN, for phones) and the Slidev deck (localhost
// only, for the presenter), started side by side. The poll server runs as its own process
// exactly as `npm run poll-server` runs it (the way the benchmark measures it); its join
// banner is held back until the deck answers, so Slidev's output does not scroll it away.
// Ctrl-C stops both.
import type { Buffer } from 'node:buffer'
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { PLAN_ENV } from '../content/planEnv'
import { KIT_ROOT, SLIDEV_BIN } from '../lib/kitPaths'
import { UserFacingError } from '../lib/userFacingError'
import { DEFAULT_POLL_PORT } from '../poll/joinLinks'
import { DEFAULT_DECK_PORT } from '../poll/server/originPolicy'
import { runMain } from './lib/runMain'
import { POLL_SERVER_NODE_ARGS } from './lib/spawnPollServer'
import { stopOnSignals } from './lib/stopOnSignals'

function help(pollServerFlags: string) {
  return `Usage: npm start -- [options]

Starts the live-poll server and the Slidev deck, and prints the join URL, code and
QR code for the room. The deck stays on this computer: http://localhost:3030
(presenter view: /presenter). Ctrl-C stops both.

  --deck-port PORT     the deck's first choice of port (default: ${DEFAULT_DECK_PORT}; the next free
                       one is used if it is taken)
  --plan NAME          the session plan: 60 or 90 (default: the one plans/session-plans.yaml names);
                       slides the plan cuts are hidden from the deck, not deleted
${pollServerFlags}`
}

const DECK_READY_TIMEOUT_MS = 90_000

runMain(async () => {
  const args = process.argv.slice(2)
  // Only what the deck needs is read here; the poll server's own flags pass through to it and
  // are checked there, in full, while Slidev starts (a problem there stops both). Importing
  // little keeps the deck's start from waiting on module loading.
  const { values } = parseArgs({
    args,
    strict: false,
    options: { 'deck-port': { type: 'string' }, 'plan': { type: 'string' }, 'port': { type: 'string' }, 'help': { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    const { POLL_SERVER_FLAGS } = await import('./lib/pollServerHelp')
    console.log(help(POLL_SERVER_FLAGS))
    return 0
  }
  // The plan is checked by the poll server, which stops both with its reason when there is
  // no such plan: reading the plans file here would load YAML and schema code (~0.2 s)
  // before Slidev could start. Empty means the plan file's default, for the deck as for the server.
  const plan = typeof values.plan === 'string' ? values.plan : ''
  const deckPort = await freePort(portFlag(values['deck-port'], '--deck-port') ?? DEFAULT_DECK_PORT)
  const requestedPollPort = portFlag(values.port ?? process.env.POLL_PORT, '--port') ?? DEFAULT_POLL_PORT
  const pollPort = requestedPollPort === 0 ? await freePort(0) : requestedPollPort

  const deck = spawn(process.execPath, [SLIDEV_BIN, 'slides.md', '--port', String(deckPort)], {
    cwd: KIT_ROOT,
    stdio: 'inherit',
    // The deck reads the poll server's address from import.meta.env (Vite exposes VITE_*).
    env: { ...process.env, VITE_POLL_SERVER_URL: `http://localhost:${pollPort}`, [PLAN_ENV]: plan },
  })
  const pollArgs = [...withoutFlags(args, ['--deck-port', '--plan', '--port']), '--port', String(pollPort), '--deck-port', String(deckPort), ...(plan ? ['--plan', plan] : [])]
  const pollServer = spawn(process.execPath, [...POLL_SERVER_NODE_ARGS, ...pollArgs], { cwd: KIT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const deckExited = exitOf(deck, 'Slidev')
  const pollExited = exitOf(pollServer, 'the poll server')

  // The banner waits for the deck; anything the poll server prints later goes straight through.
  let banner = ''
  let bannerShown = false
  pollServer.stdout!.on('data', (chunk: Buffer) => bannerShown ? process.stdout.write(chunk) : banner += chunk)
  const stopWaiting = new AbortController()
  const deckUrl = `http://localhost:${deckPort}`
  Promise.all([
    waitForHttp(deckUrl, AbortSignal.any([stopWaiting.signal, AbortSignal.timeout(DECK_READY_TIMEOUT_MS)])),
    waitForOutput(() => banner, /Listening on port/, stopWaiting.signal),
  ]).then(([ready]) => {
    if (stopWaiting.signal.aborted)
      return
    bannerShown = true
    process.stdout.write(banner.replace(/ {2}Listening on port.*\n/, ''))
    console.log(ready
      ? `  Deck: ${deckUrl}  ·  presenter view: ${deckUrl}/presenter  ·  Ctrl-C stops both.\n`
      : `  ⚠ The deck did not answer on ${deckUrl} yet; see Slidev's messages above. Ctrl-C stops both.\n`)
  }, () => {})

  // Stop on Ctrl-C, when Slidev quits on its own (its `q` shortcut), or when the poll server
  // cannot start (its reason is already on screen).
  const outcome = await Promise.race([
    stopOnSignals(async () => undefined).then(() => 'signal' as const),
    deckExited.then(() => 'deck' as const),
    pollExited.then(() => 'poll' as const),
  ])
  stopWaiting.abort()
  if (outcome === 'poll' && !bannerShown)
    process.stdout.write(banner)
  const [deckCode, pollCode] = await Promise.all([stopChild(deck, deckExited), stopChild(pollServer, pollExited)])
  console.log('  Stopped the poll server and the deck.')
  if (outcome === 'deck')
    return deckCode
  return outcome === 'poll' ? pollCode || 1 : 0
})

function portFlag(value: unknown, flag: string): number | undefined {
  if (typeof value !== 'string')
    return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UserFacingError(`${flag} "${value}" must be a whole number from 0 to 65535`)
  return port
}

/** The arguments without the given flags and their values (`--flag value` or `--flag=value`). */
function withoutFlags(args: string[], flags: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (flags.includes(arg))
      i++
    else if (!flags.some(flag => arg.startsWith(`${flag}=`)))
      out.push(arg)
  }
  return out
}

function exitOf(child: ChildProcess, name: string): Promise<number> {
  child.on('error', error => console.error(`✖ Could not start ${name}: ${error.message}`))
  return new Promise(resolve => child.on('exit', code => resolve(code ?? 0)))
}

/** Asks the child to stop (it may already have Ctrl-C from the terminal), then forces it. */
async function stopChild(child: ChildProcess, exited: Promise<number>): Promise<number> {
  if (child.exitCode !== null || child.signalCode !== null)
    return exited
  child.kill('SIGINT')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  try {
    return await exited
  }
  finally {
    clearTimeout(timer)
  }
}

/** The first port from `start` on which nothing listens on localhost (what Slidev would pick); 0 asks the OS for any. */
async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port++) {
    const got = await listenOnce(port)
    if (got !== undefined)
      return got
  }
  throw new UserFacingError(`No free port for the deck from ${start} to ${start + 99}; pass --deck-port.`)
}

function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(undefined))
    probe.listen({ port, host: 'localhost' }, () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : port))
    })
  })
}

function waitForOutput(read: () => string, pattern: RegExp, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (pattern.test(read())) {
        clearInterval(timer)
        resolve()
      }
      else if (signal.aborted) {
        clearInterval(timer)
        reject(new Error('stopped'))
      }
    }, 50)
  })
}

async function waitForHttp(url: string, signal: AbortSignal): Promise<boolean> {
  while (!signal.aborted) {
    try {
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) })
      await response.body?.cancel()
      return true
    }
    catch {
      await new Promise(resolve => setTimeout(resolve, 300))
    }
  }
  return false
}
