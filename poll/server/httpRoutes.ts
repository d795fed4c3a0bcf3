// The poll server's few HTTP routes: the vote page, a health check, 426 on the
// WebSocket route, and the presenter token for a deck on this machine.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { HEALTH_PATH, PRESENTER_TOKEN_PATH, WS_PATH } from '../protocol'
import { isLoopbackAddress, isLoopbackHost, normalizeOrigin } from './originPolicy'

export interface HttpRoutesOptions {
  sessionId: string
  presenterToken: string
  /** Deck origins that may read the presenter token from this machine. */
  deckOrigins: ReadonlySet<string>
  /** Serves the vote page at `/` and `/<join code>`. */
  phonePage: (request: IncomingMessage, response: ServerResponse) => void
}

const PHONE_PAGE_PATH = /^\/(?:[A-Z0-9-]{3,16}\/?)?$/i

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
}

/** Builds the server's request handler. */
export function createRequestHandler(options: HttpRoutesOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { phonePage } = options
  return (request, response) => {
    for (const [name, value] of Object.entries(securityHeaders))
      response.setHeader(name, value)
    const path = new URL(request.url ?? '/', 'http://poll.invalid').pathname
    if (path === PRESENTER_TOKEN_PATH)
      return presenterToken(request, response, options)
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return plain(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD' })
    if (path === WS_PATH)
      return plain(response, 426, 'This is the WebSocket endpoint; connect with a WebSocket client.', { Upgrade: 'websocket', Connection: 'Upgrade' })
    if (path === HEALTH_PATH) {
      // Readable by the deck (CORS), so it can tell a live server from a wrong URL.
      const origin = normalizeOrigin(request.headers.origin ?? '')
      if (origin && options.deckOrigins.has(origin))
        response.setHeader('Access-Control-Allow-Origin', origin)
      return json(response, 200, { ok: true, session: options.sessionId })
    }
    if (PHONE_PAGE_PATH.test(path))
      return phonePage(request, response)
    return plain(response, 404, 'Not found.')
  }
}

/**
 * The token goes only to a page on an allowed deck origin, in a browser on this machine:
 * the request must come over loopback, name a loopback host (no DNS rebinding), and
 * carry an allowed Origin, which is also the only origin CORS lets read the answer.
 */
function presenterToken(request: IncomingMessage, response: ServerResponse, options: HttpRoutesOptions): void {
  const origin = normalizeOrigin(request.headers.origin ?? '')
  const allowed = origin !== undefined
    && options.deckOrigins.has(origin)
    && isLoopbackAddress(request.socket.remoteAddress)
    && isLoopbackHost(request.headers.host)
  response.setHeader('Vary', 'Origin')
  if (!allowed)
    return plain(response, 403, 'The presenter token is only given to the deck on this computer.')
  response.setHeader('Access-Control-Allow-Origin', origin)
  if (request.method === 'OPTIONS') {
    // Chrome asks before a public (hosted) page may call a loopback address.
    const headers: Record<string, string> = { 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Max-Age': '600' }
    if (request.headers['access-control-request-private-network'] === 'true')
      headers['Access-Control-Allow-Private-Network'] = 'true'
    response.writeHead(204, headers)
    return void response.end()
  }
  if (request.method !== 'GET')
    return plain(response, 405, 'Method not allowed.', { Allow: 'GET, OPTIONS' })
  json(response, 200, { token: options.presenterToken })
}

function plain(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers })
  response.end(`${text}\n`)
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  response.end(JSON.stringify(body))
}
