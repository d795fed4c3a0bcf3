// Where the poll server is and how a phone joins: port, routes, join codes and URLs.
// Browser-safe; re-exported by protocol.ts, so import it from there.

/** The poll server's default TCP port (the deck is on 3030). */
export const DEFAULT_POLL_PORT = 3040
/** The WebSocket route; plain HTTP on it gets 426. */
export const WS_PATH = '/ws'
/** Loopback-only route where a deck on an allowed origin fetches the presenter token. */
export const PRESENTER_TOKEN_PATH = '/presenter-token'
/** Liveness route: `{ ok, session }`, no secrets. */
export const HEALTH_PATH = '/healthz'

/** Upper-cases a typed join code and drops spaces and dashes ("k7q-fm" → "K7QFM"). */
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '')
}

/** The vote page URL with the join code, as put in the QR code: `http://10.0.0.5:3040/K7QFM`. */
export function joinUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${code}`
}

/** The WebSocket URL of a poll server given by its http(s) URL. */
export function socketUrl(serverUrl: string): string {
  const url = new URL(WS_PATH, serverUrl)
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  return url.toString()
}
