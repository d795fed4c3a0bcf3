import type { ParseArgsOptionsConfig } from 'node:util'
import type { PollServerOptions } from '../../poll/server/pollServer'
// Command-line flags and environment variables of the poll server, shared by
// `npm run poll-server` and `npm start`.
import { isIP } from 'node:net'
import { resolve } from 'node:path'
import { DEFAULT_POLL_DATA_DIR } from '../../lib/kitPaths'
import { UserFacingError } from '../../lib/userFacingError'
import { DEFAULT_POLL_PORT, sessionIdSchema } from '../../poll/protocol'
import { localDeckOrigins, normalizeOrigin } from '../../poll/server/originPolicy'
import { loadPollDefinitions } from '../../poll/server/pollCatalog'
import { parseFlags, sharedFlags } from './cliFlags'

export interface PollCliOptions {
  host?: string
  port: number
  dataDir: string
  /** Extra deck origins, beyond Slidev on localhost. */
  allowOrigins: string[]
  session?: string
  scenarios?: string
  publicUrl?: string
  showToken: boolean
  heartbeatMs?: number
  /** Proxies whose X-Forwarded-For names the phone's address. */
  trustedProxies: string[]
  help: boolean
}

/** The flags' help text (the same for both commands, apart from the usage line). */
export { POLL_SERVER_FLAGS } from './pollServerHelp'

/** The poll server's flags; a command with flags of its own parses them together (spread this in) and calls pollCliOptions. */
export const POLL_SERVER_OPTIONS = {
  ...sharedFlags('data-dir', 'session', 'scenarios', 'help'),
  'host': { type: 'string' },
  'port': { type: 'string' },
  'allow-origin': { type: 'string', multiple: true },
  'public-url': { type: 'string' },
  'show-token': { type: 'boolean', default: false },
  'heartbeat-ms': { type: 'string' },
  'trust-proxy': { type: 'string', multiple: true },
} as const satisfies ParseArgsOptionsConfig

export type PollServerFlagValues = ReturnType<typeof parseFlags<typeof POLL_SERVER_OPTIONS>>

/** Parses the poll server's flags alone, falling back to the POLL_* environment variables. Throws UserFacingError on bad values. */
export function parsePollServerArgs(args: string[], env: NodeJS.ProcessEnv): PollCliOptions {
  return pollCliOptions(parseFlags(POLL_SERVER_OPTIONS, args), env)
}

/** The poll server's options from its parsed flags, falling back to the POLL_* environment variables. Throws UserFacingError on bad values. */
export function pollCliOptions(values: PollServerFlagValues, env: NodeJS.ProcessEnv): PollCliOptions {
  const text = (value: string | undefined, variable: string) => (value ?? env[variable])?.trim() || undefined
  const origins = [...(values['allow-origin'] ?? []), ...(env.POLL_ALLOWED_ORIGINS ? [env.POLL_ALLOWED_ORIGINS] : [])]
    .flatMap(list => list.split(','))
    .map(origin => origin.trim())
    .filter(Boolean)
    .map(origin => normalizeOrigin(origin) ?? fail(`--allow-origin "${origin}" is not an origin; write it like https://decks.example.com`))
  const publicUrl = text(values['public-url'], 'POLL_PUBLIC_URL')
  if (publicUrl && !normalizeOrigin(publicUrl))
    fail(`--public-url "${publicUrl}" is not an http(s) URL; write it like http://poll.example.com`)
  const session = text(values.session, 'POLL_SESSION')
  if (session && !sessionIdSchema.safeParse(session).success)
    fail(`--session "${session}" may use only letters, digits, "-", "_" and "." (at most 64)`)
  const trustedProxies = [...(values['trust-proxy'] ?? []), ...(env.POLL_TRUST_PROXY ? [env.POLL_TRUST_PROXY] : [])]
    .flatMap(list => list.split(','))
    .map(address => address.trim())
    .filter(Boolean)
    .map(address => isIP(address) ? address : fail(`--trust-proxy "${address}" is not an IP address; write the proxy's address, e.g. 127.0.0.1`))
  const heartbeat = text(values['heartbeat-ms'], 'POLL_HEARTBEAT_MS')
  const dataDir = text(values['data-dir'], 'POLL_DATA_DIR')
  const scenarios = text(values.scenarios, 'POLL_SCENARIOS')

  return {
    host: text(values.host, 'POLL_HOST'),
    port: integer(text(values.port, 'POLL_PORT'), '--port', 0, 65_535) ?? DEFAULT_POLL_PORT,
    dataDir: dataDir ? resolve(dataDir) : DEFAULT_POLL_DATA_DIR,
    allowOrigins: origins,
    session,
    scenarios: scenarios && resolve(scenarios),
    publicUrl,
    showToken: values['show-token'],
    heartbeatMs: integer(heartbeat, '--heartbeat-ms', 50, 3_600_000),
    trustedProxies,
    help: values.help,
  }
}

function integer(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined)
    return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max)
    fail(`${flag} "${value}" must be a whole number from ${min} to ${max}`)
  return number
}

function fail(message: string): never {
  throw new UserFacingError(message)
}

/** The poll server's options from the parsed flags, for a deck on localhost at `deckPort` (plus --allow-origin). */
export function pollServerOptions(options: PollCliOptions, deckPort: number): PollServerOptions {
  return {
    host: options.host,
    port: options.port,
    dataDir: options.dataDir,
    definitions: loadPollDefinitions(options.scenarios),
    sessionId: options.session,
    deckOrigins: [...localDeckOrigins(deckPort), ...options.allowOrigins],
    publicUrl: options.publicUrl,
    heartbeatMs: options.heartbeatMs,
    trustedProxies: options.trustedProxies,
  }
}
