// `npm start`: the poll server (on the LAN, for phones) and the Slidev deck (localhost
// only, for the presenter) together. Ctrl-C stops both.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import process from 'node:process'
import { loadScenarioLibrary } from '../content/loadScenarios'
import { PLAN_ENV } from '../content/loadSessionPlans'
import { loadSessionDeck, numberDefinitions } from '../content/sessionDeck'
import { KIT_ROOT, SLIDEV_BIN } from '../lib/kitPaths'
import { UserFacingError } from '../lib/userFacingError'
import { DEFAULT_DECK_PORT, startPollServer } from '../poll/server/pollServer'
import { parseFlags, sharedFlags } from './lib/cliFlags'
import { pollBanner } from './lib/pollBanner'
import { POLL_SERVER_FLAGS, POLL_SERVER_OPTIONS, pollCliOptions, pollServerOptions } from './lib/pollServerCli'
import { runMain } from './lib/runMain'
import { stopOnSignals } from './lib/stopOnSignals'

const HELP = `Usage: npm start -- [options]

Starts the live-poll server and the Slidev deck, and prints the join URL, code and
QR code for the room. The deck stays on this computer: http://localhost:3030
(presenter view: /presenter). Ctrl-C stops both.

  --deck-port PORT     the deck's first choice of port (default: ${DEFAULT_DECK_PORT}; the next free
                       one is used if it is taken)
  --plan NAME          the session plan: 60 or 90 (default: the one plans/session-plans.yaml names);
                       slides the plan cuts are hidden from the deck, not deleted
${POLL_SERVER_FLAGS}`

const DECK_READY_TIMEOUT_MS = 90_000

runMain(async () => {
  const values = parseFlags({ ...POLL_SERVER_OPTIONS, ...sharedFlags('plan'), 'deck-port': { type: 'string' } })
  const options = pollCliOptions(values, process.env)
  if (options.help) {
    console.log(HELP)
    return 0
  }
  // The plan is checked before anything starts: a typo in it would show slides it meant to cut.
  const deckPlan = await loadSessionDeck(values.plan, loadScenarioLibrary(options.scenarios))
  const deckPort = await freePort(Number(values['deck-port'] ?? DEFAULT_DECK_PORT))
  const serverOptions = pollServerOptions(options, deckPort)
  const server = await startPollServer({ ...serverOptions, definitions: numberDefinitions(serverOptions.definitions, deckPlan) })
  console.log(`  Plan ${deckPlan.plan!.name}: ${deckPlan.plan!.title}, ${deckPlan.plan!.minutes} minutes, ${deckPlan.polls.length} polls.`)

  const signalled = stopOnSignals(async () => undefined).then(() => 'signal' as const)

  // The deck reads the poll server's address from import.meta.env (Vite exposes VITE_*).
  const deck = spawn(process.execPath, [SLIDEV_BIN, 'slides.md', '--port', String(deckPort)], {
    cwd: KIT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_POLL_SERVER_URL: `http://localhost:${server.port}`, [PLAN_ENV]: deckPlan.plan!.name },
  })
  const deckExited = new Promise<number>(resolve => deck.on('exit', code => resolve(code ?? 0)))
  deck.on('error', error => console.error(`✖ Could not start Slidev: ${error.message}`))

  const deckUrl = `http://localhost:${deckPort}`
  const stopWaiting = new AbortController()
  waitForHttp(deckUrl, AbortSignal.any([stopWaiting.signal, AbortSignal.timeout(DECK_READY_TIMEOUT_MS)])).then((ready) => {
    if (stopWaiting.signal.aborted)
      return
    process.stdout.write(pollBanner(server, { showToken: options.showToken }))
    console.log(ready
      ? `  Deck: ${deckUrl}  ·  presenter view: ${deckUrl}/presenter  ·  Ctrl-C stops both.\n`
      : `  ⚠ The deck did not answer on ${deckUrl} yet; see Slidev's messages above. Ctrl-C stops both.\n`)
  }, () => {})

  // Stop when the user presses Ctrl-C, or when Slidev quits on its own (its `q` shortcut).
  const outcome = await Promise.race([
    signalled,
    deckExited.then(() => 'deck' as const),
  ])
  stopWaiting.abort()
  const [deckCode] = await Promise.all([outcome === 'deck' ? deckExited : stopChild(deck, deckExited), server.close()])
  console.log('  Stopped the poll server and the deck.')
  return outcome === 'deck' ? deckCode : 0
})

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

/** The first port from `start` on which nothing listens on localhost (what Slidev would pick). */
async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 100; port++) {
    if (await canListen(port))
      return port
  }
  throw new UserFacingError(`No free port for the deck from ${start} to ${start + 99}; pass --deck-port.`)
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen({ port, host: 'localhost' }, () => probe.close(() => resolve(true)))
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
