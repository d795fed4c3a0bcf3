import type { InjectionKey } from 'vue'
import type { PollConnection } from './createPollConnection'
import { configs, useNav } from '@slidev/client'
import { inject } from 'vue'
import { createPollConnection } from './createPollConnection'
import { RECONNECT_GRACE_HEADMATTER_KEY, reconnectGraceMs } from './linkGrace'
import { POLL_SERVER_HEADMATTER_KEY, resolvePollServerUrl } from './pollServerUrl'

/** Provide a connection under this key to replace the real one (tests, a story). */
export const POLL_CONNECTION_KEY: InjectionKey<PollConnection> = Symbol('poll-connection')

let shared: PollConnection | undefined

/**
 * The tab's one connection to the poll server, created on first use. Slidev mounts a
 * poll slide several times (current slide, previews, overview, hidden neighbours); they
 * all share this socket.
 */
export function usePollConnection(): PollConnection {
  const provided = inject(POLL_CONNECTION_KEY, undefined)
  if (provided)
    return provided
  // The presenter route moderates open answers; a projector window (any other route) must not get them.
  const moderator = useNav().isPresenter.value
  shared ??= connectFromDeckConfig(moderator)
  // A tab that moves between the play and presenter routes remounts its slides, which lands here.
  shared.setModerator(moderator)
  return shared
}

function connectFromDeckConfig(moderator: boolean): PollConnection {
  const { url, ignored } = resolvePollServerUrl({
    env: import.meta.env.VITE_POLL_SERVER_URL,
    headmatter: configs[POLL_SERVER_HEADMATTER_KEY],
  })
  for (const warning of ignored)
    console.warn(`Live polls: ignoring ${warning}.`)
  const connection = createPollConnection({
    serverUrl: url,
    WebSocket: globalThis.WebSocket,
    storage: globalThis.localStorage,
    deckOrigin: globalThis.location?.origin,
    moderator,
  })
  globalThis.addEventListener?.('online', () => connection.retry())
  return connection
}

/** The reconnect grace period of this deck: `pollReconnectGraceSeconds` in the headmatter, or 20 s. */
export function pollReconnectGraceMs(): number {
  return reconnectGraceMs(configs[RECONNECT_GRACE_HEADMATTER_KEY])
}
