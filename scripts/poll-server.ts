// `npm run poll-server`: the live-poll server alone, for a deck built with
// `slidev build` and hosted elsewhere (or started separately).
import process from 'node:process'
import { loadScenarioLibrary } from '../content/loadScenarios'
import { loadSessionDeck, numberDefinitions } from '../content/sessionDeck'
import { UserFacingError } from '../lib/userFacingError'
import { DEFAULT_DECK_PORT, startPollServer } from '../poll/server/pollServer'
import { parseFlags, sharedFlags } from './lib/cliFlags'
import { pollBanner } from './lib/pollBanner'
import { POLL_SERVER_FLAGS, POLL_SERVER_OPTIONS, pollCliOptions, pollServerOptions } from './lib/pollServerCli'
import { runMain } from './lib/runMain'
import { serveStatsToParent } from './lib/serverStats'
import { stopOnSignals } from './lib/stopOnSignals'

const HELP = `Usage: npm run poll-server -- [options]

Starts the live-poll server: phones vote on its vote page, the deck shows results.
Votes survive a restart (SQLite in the data directory). Ctrl-C stops it.

  --plan NAME          the session plan the deck was built with (WORKSHOP_PLAN=60 npm run build),
                       so phones number the polls like the slides (default: the plan file's default)
  --deck-port PORT     the port of a Slidev deck on this computer, allowed to connect
                       (default: ${DEFAULT_DECK_PORT}; a hosted deck needs --allow-origin)
${POLL_SERVER_FLAGS}`

runMain(async () => {
  const values = parseFlags({ ...POLL_SERVER_OPTIONS, ...sharedFlags('plan'), 'deck-port': { type: 'string' } })
  const options = pollCliOptions(values, process.env)
  if (options.help) {
    console.log(HELP)
    return 0
  }
  const deck = await loadSessionDeck(values.plan, loadScenarioLibrary(options.scenarios))
  const deckPort = values['deck-port'] === undefined ? DEFAULT_DECK_PORT : Number(values['deck-port'])
  if (!Number.isInteger(deckPort) || deckPort < 1 || deckPort > 65_535)
    throw new UserFacingError(`--deck-port "${values['deck-port']}" must be a whole number from 1 to 65535`)
  const serverOptions = pollServerOptions(options, deckPort)
  const server = await startPollServer({ ...serverOptions, definitions: numberDefinitions(serverOptions.definitions, deck) })
  // Handle Ctrl-C before saying we listen: whoever reads that line may signal at once.
  const stopped = stopOnSignals(async () => {
    await server.close()
    console.log('  Poll server stopped.')
  })
  serveStatsToParent()
  process.stdout.write(pollBanner(server, { showToken: options.showToken }))
  const { plan } = deck
  if (plan)
    console.log(`  Plan ${plan.name}: ${plan.title}, ${plan.minutes} minutes, ${deck.polls.length} polls.`)
  console.log(`  Listening on port ${server.port}${options.host ? ` (${options.host})` : ' (all interfaces)'}. Ctrl-C stops it.`)
  await stopped
  return 0
})
