import type { Buffer } from 'node:buffer'
// The poll server: Node http + ws on the LAN, one workshop session, SQLite behind it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import type { OpenFileLimit } from '../../lib/openFileLimit'
import type { PollDefinition } from '../pollDefinition'
import type { JoinInfo } from '../protocol'
import type { AddressLimitsOptions } from './addressLimits'
import type { DeviceAdmissionOptions } from './deviceAdmission'
import type { HubStats } from './pollHub'
import { randomInt } from 'node:crypto'
import { createServer } from 'node:http'
import { WebSocketServer } from 'ws'
import { openFileLimit } from '../../lib/openFileLimit'
import { UserFacingError } from '../../lib/userFacingError'
import { CloseCode, DEFAULT_POLL_PORT, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, joinUrl, MAX_MESSAGE_BYTES, WS_PATH } from '../protocol'
import { PollStore } from '../store/pollStore'
import { AddressLimits } from './addressLimits'
import { handleConnection } from './connection'
import { descriptorNote, DescriptorWatch } from './descriptorBudget'
import { clientAddress, DeviceAdmission, unmapIpv4 } from './deviceAdmission'
import { startHeartbeat } from './heartbeat'
import { createRequestHandler } from './httpRoutes'
import { JoinThrottle } from './joinThrottle'
import { lanAddresses } from './lanAddress'
import { DEFAULT_DECK_PORT, isLoopbackAddress, isOriginAllowed, localDeckOrigins, normalizeOrigin } from './originPolicy'
import { PollHub } from './pollHub'
import { loadOrCreatePresenterToken } from './presenterToken'
import { createPhonePageHandler } from './servePhonePage'
import { SlicedQueue } from './slicedQueue'

export { DEFAULT_DECK_PORT } from './originPolicy'

export interface PollServerOptions {
  /** Interface to listen on; undefined listens on all of them (the LAN). */
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Holds polls.sqlite and the presenter token. */
  dataDir: string
  /** The polls of the scenario library. */
  definitions: PollDefinition[]
  /** Workshop session to create or resume; by default the one started in the last 12 hours, else a new one named after today's date. */
  sessionId?: string
  /** Deck origins allowed to connect and to fetch the token (default: Slidev on localhost:3030). */
  deckOrigins?: string[]
  /** Base URL phones use, when the LAN address is not it (a DNS name, a reverse proxy). */
  publicUrl?: string
  /** Defaults to the token file in dataDir. */
  presenterToken?: string
  heartbeatMs?: number
  tallyIntervalMs?: number
  commitWindowMs?: number
  helloTimeoutMs?: number
  rateLimit?: { burst: number, perSecond: number }
  /** Wrong join codes allowed per device and per address within the window (defaults 5 and 100 a minute). */
  joinThrottle?: { perDevice?: number, perAddress?: number, windowMs?: number }
  /** Sockets one address may hold open, and open without having said hello. */
  addressLimits?: AddressLimitsOptions
  /** New devices per address (a cap a NATed room never meets) and when the presenter is warned. */
  deviceAdmission?: DeviceAdmissionOptions
  /** Reverse proxies or tunnels whose X-Forwarded-For is believed (their addresses, e.g. 127.0.0.1). */
  trustedProxies?: string[]
  maxPayload?: number
  /** Phones the trainer expects (default 500): start-up warns when the open-file limit cannot hold them. */
  expectedRoom?: number
  /** Defaults to this process's limit; tests pass a small one. */
  openFileLimit?: OpenFileLimit
  /** Where warnings go that the trainer must see while the session runs (default: stderr). */
  onWarning?: (message: string) => void
  /** Serves the vote page; defaults to the one in poll/phone, built when the server starts. */
  phonePage?: (request: IncomingMessage, response: ServerResponse) => void
  /** Storage failures and the like; the server keeps running. */
  onError?: (error: unknown) => void
}

export interface RunningPollServer {
  /** The port it listens on. */
  port: number
  /** A URL for this machine (http://127.0.0.1:port when on loopback). */
  localUrl: string
  /** Session id, join code and the URL for the QR code. */
  join: JoinInfo
  /** False when phones cannot reach the join URL: listening on loopback, or no LAN address found. */
  onLan: boolean
  /** Listening on loopback only (--host 127.0.0.1). */
  loopbackOnly: boolean
  presenterToken: string
  dbFile: string
  /** Set when the open-file limit holds fewer phones than the expected room: print it at start. */
  descriptorNote?: string
  stats: () => HubStats
  close: () => Promise<void>
}

/** Today's date as YYYY-MM-DD in local time: one session per workshop day unless told otherwise. */
export function defaultSessionId(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Sessions started this long ago are resumed by default, so a restart after midnight keeps the room's join code. */
const RESUME_WITHIN_MS = 12 * 60 * 60 * 1000
/** Messages handled per event-loop turn in a burst: ~25 ms of parsing, committing and acking here. */
const INBOX_SLICE = 500
/** How long shutdown waits for a socket's close handshake before cutting it. */
const CLOSE_HANDSHAKE_MS = 1000

/** The most recent session if it started within the last 12 hours. */
export function resumableSession(store: PollStore, now = Date.now()): string | undefined {
  const latest = store.listSessions()[0]
  return latest && now - Date.parse(latest.createdAt) < RESUME_WITHIN_MS ? latest.id : undefined
}

export function createJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)]).join('')
}

/** Starts the server; resolves once it listens. */
export async function startPollServer(options: PollServerOptions): Promise<RunningPollServer> {
  const onError = options.onError ?? ((error: unknown) => console.error(`poll server: ${error instanceof Error ? error.message : String(error)}`))
  const presenterToken = options.presenterToken ?? loadOrCreatePresenterToken(options.dataDir)
  const store = PollStore.open(options.dataDir)
  let httpServer: ReturnType<typeof createServer> | undefined
  try {
    const session = store.openSession(options.sessionId ?? resumableSession(store) ?? defaultSessionId(), createJoinCode)
    const deckOrigins = new Set((options.deckOrigins ?? localDeckOrigins(DEFAULT_DECK_PORT)).map(origin => normalizeOrigin(origin) ?? origin))
    const publicUrl = options.publicUrl && new URL(options.publicUrl)
    const policy = { allowedOrigins: deckOrigins, ownHostnames: new Set(publicUrl ? [publicUrl.hostname] : []) }

    const phonePage = options.phonePage ?? await createPhonePageHandler()
    const server = httpServer = createServer(createRequestHandler({ sessionId: session.id, presenterToken, deckOrigins, phonePage }))
    const port = await listen(server, options.host, options.port ?? DEFAULT_POLL_PORT)
    // After listening, errors (e.g. running out of file descriptors) are reported, not fatal.
    server.on('error', onError)
    const loopbackOnly = options.host !== undefined && isLoopbackAddress(options.host === 'localhost' ? '127.0.0.1' : options.host)
    const lan = loopbackOnly ? undefined : lanAddresses()[0]
    const localUrl = `http://127.0.0.1:${port}`
    const baseUrl = publicUrl ? publicUrl.toString() : lan ? `http://${lan}:${port}` : localUrl
    const join: JoinInfo = { session: session.id, code: session.joinCode, url: joinUrl(baseUrl, session.joinCode) }

    const hub = new PollHub({
      store,
      sessionId: session.id,
      definitions: options.definitions,
      join,
      tallyIntervalMs: options.tallyIntervalMs ?? 50,
      commitWindowMs: options.commitWindowMs ?? 0,
      onError,
      admission: new DeviceAdmission(options.deviceAdmission),
    })
    const warn = options.onWarning ?? (message => console.error(message))
    for (const { poll, count, reason } of hub.skipped)
      warn(`⚠ ${count} stored ${count === 1 ? 'vote' : 'votes'} of poll "${poll}" cannot be counted (${reason}); ${count === 1 ? 'it stays' : 'they stay'} in ${store.file}, untouched.`)
    const trusted = new Set((options.trustedProxies ?? []).map(unmapIpv4))
    const addressOf = (request: IncomingMessage) => clientAddress(request.socket.remoteAddress ?? '', request.headers['x-forwarded-for'], trusted)
    const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? MAX_MESSAGE_BYTES, perMessageDeflate: false })
    wss.on('error', onError)
    const stopHeartbeat = startHeartbeat(wss, options.heartbeatMs ?? 30_000)
    const context = {
      hub,
      joinCode: session.joinCode,
      presenterToken,
      throttles: {
        device: new JoinThrottle({ maxFailures: options.joinThrottle?.perDevice ?? 5, windowMs: options.joinThrottle?.windowMs }),
        // Sized for a room of 300 behind one NAT or proxy, where a tenth mistype once.
        address: new JoinThrottle({ maxFailures: options.joinThrottle?.perAddress ?? 100, windowMs: options.joinThrottle?.windowMs }),
      },
      limits: new AddressLimits(options.addressLimits),
      rateLimit: options.rateLimit ?? { burst: 30, perSecond: 10 },
      helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
      // A slice commits as one transaction, so each one costs a sync to disk as well as its parsing.
      inbox: new SlicedQueue<() => void>(handle => handle(), INBOX_SLICE, () => hub.commitNow()),
    }
    const fileLimit = options.openFileLimit ?? openFileLimit()
    const descriptors = new DescriptorWatch(fileLimit, warn)
    wss.on('connection', (socket, request: IncomingMessage) => {
      descriptors.check(wss.clients.size)
      handleConnection(socket, addressOf(request), context)
    })

    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', destroySocket)
      const path = new URL(request.url ?? '/', 'http://poll.invalid').pathname
      if (path !== WS_PATH)
        return rejectUpgrade(socket, 404, 'Not Found')
      if (!isOriginAllowed(request.headers.origin, request.headers.host, policy))
        return rejectUpgrade(socket, 403, 'Forbidden')
      if (context.limits.isFull(addressOf(request)))
        return rejectUpgrade(socket, 429, 'Too Many Requests')
      wss.handleUpgrade(request, socket, head, ws => wss.emit('connection', ws, request))
    })

    let closing: Promise<void> | undefined
    const close = () => closing ??= new Promise<void>((resolve) => {
      stopHeartbeat()
      // Handle what was received and commit queued votes first, so their acks still reach open sockets.
      context.inbox.drain()
      hub.close()
      for (const socket of wss.clients)
        socket.close(CloseCode.goingAway, 'server shutting down')
      // A phone that left the Wi-Fi never answers the close handshake; ws would wait 30 s.
      setTimeout(() => {
        for (const socket of wss.clients)
          socket.terminate()
      }, CLOSE_HANDSHAKE_MS).unref()
      wss.close()
      server.close(() => {
        store.close()
        resolve()
      })
      server.closeAllConnections()
    })

    const note = descriptorNote(fileLimit, options.expectedRoom ?? 500)
    return { port, localUrl, join, onLan: Boolean(publicUrl ?? lan), loopbackOnly, presenterToken, dbFile: store.file, descriptorNote: note, stats: () => hub.stats, close }
  }
  catch (error) {
    // A failure after listen() (e.g. a damaged stored poll) must not leave the port open.
    httpServer?.close()
    store.close()
    throw error
  }
}

function listen(server: ReturnType<typeof createServer>, host: string | undefined, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new UserFacingError(`Port ${port} is already in use: is another poll server running? Stop it, or pick another port with --port.`)
        : error)
    }
    server.once('error', onError)
    server.listen({ host, port, backlog: 2048 }, () => {
      server.off('error', onError)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/**
 * A module-level listener, not an arrow in the upgrade handler: the listener lives as long
 * as the socket, and an arrow would keep the handler's whole scope alive with it, the
 * upgrade request and its headers included (~1.5 KB per phone, 7 MB at 5,000).
 */
function destroySocket(this: Duplex): void {
  this.destroy()
}
