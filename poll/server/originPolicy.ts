// Who may open a WebSocket, and who may read the presenter token. Browsers always send
// Origin, so checking it stops other web pages (and DNS rebinding) from using the server.
import { isIP } from 'node:net'

/** The deck's port when Slidev runs locally (its default). */
export const DEFAULT_DECK_PORT = 3030

/** `scheme://host[:port]` in canonical form, or undefined when `value` is not an http(s) origin. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  }
  catch {
    return undefined
  }
}

/** The deck origins a local `slidev` serves on the given port. */
export function localDeckOrigins(port: number): string[] {
  return [`http://localhost:${port}`, `http://127.0.0.1:${port}`, `http://[::1]:${port}`]
}

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address)
    return false
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address
  return plain === '::1' || (isIP(plain) === 4 && plain.startsWith('127.'))
}

/** The hostname of a Host header value, without port or IPv6 brackets. */
export function hostnameOf(hostHeader: string | undefined): string | undefined {
  if (!hostHeader)
    return undefined
  try {
    return new URL(`http://${hostHeader}`).hostname.replace(/^\[|\]$/g, '')
  }
  catch {
    return undefined
  }
}

/** True when the Host header names this machine's loopback interface (not a rebound DNS name). */
export function isLoopbackHost(hostHeader: string | undefined): boolean {
  const hostname = hostnameOf(hostHeader)
  return hostname === 'localhost' || isLoopbackAddress(hostname)
}

export interface OriginPolicy {
  /** Deck origins (and any other pages) allowed to connect, e.g. http://localhost:3030. */
  allowedOrigins: ReadonlySet<string>
  /** Host names this server answers as besides IP literals and localhost (from --public-url). */
  ownHostnames: ReadonlySet<string>
}

/**
 * Whether a WebSocket upgrade with this Origin may proceed: an allowed deck origin, or
 * the vote page this server serves (same origin, reached by IP, localhost or a public
 * name). A missing Origin means a non-browser client, which no web page can forge.
 */
export function isOriginAllowed(origin: string | undefined, hostHeader: string | undefined, policy: OriginPolicy): boolean {
  if (origin === undefined)
    return true
  const normalized = normalizeOrigin(origin)
  if (!normalized)
    return false
  if (policy.allowedOrigins.has(normalized))
    return true
  const hostname = hostnameOf(hostHeader)
  if (!hostname || new URL(normalized).host !== new URL(`http://${hostHeader}`).host)
    return false
  // Same origin only by IP or a configured name: a rebound attacker domain is neither.
  return isIP(hostname) !== 0 || hostname === 'localhost' || policy.ownHostnames.has(hostname)
}
