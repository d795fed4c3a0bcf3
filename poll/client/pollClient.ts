import type { ControlAction, ErrorCode, PollDisplay, ServerMessage, Snapshot } from '../protocol'
// The reconnecting poll client used by the phone page and the deck (and, with `ws`, by
// Node). It says hello on every connect, keeps votes until the server acknowledges
// them, and resends only those after a reconnect.
import type { BackoffOptions } from './backoff'
import { FATAL_CLOSE_CODES, parseServerMessage, PROTOCOL_VERSION } from '../protocol'
import { backoffDelay } from './backoff'

/** What the client needs of a WebSocket: the browser's and `ws`'s both fit. */
export interface WebSocketLike {
  readonly readyState: number

  onopen: ((event: any) => void) | null
  onmessage: ((event: any) => void) | null
  onclose: ((event: any) => void) | null
  onerror: ((event: any) => void) | null

  send: (data: string) => void
  close: (code?: number, reason?: string) => void
}
export type WebSocketConstructor = new (url: string) => WebSocketLike

export type ClientHello
  = | { role: 'participant', device: string, code: string }
    | { role: 'presenter', token: string, moderator?: boolean }

/** `open` means joined: the snapshot has arrived. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'stopped'

export interface PendingVote {
  id: string
  poll: string
  round: number
  choice: number
}

/** A message that the server answers with an ack or an error (presenters' controls; phones' scale votes and answers). */
type AckedRequest
  = | { type: 'control', action: ControlAction, poll: string }
    | { type: 'select', poll: string | null }
    | { type: 'hands', poll: string, round: number, counts: number[] }
    | { type: 'display', poll: string, showResults?: boolean, compareRounds?: boolean }
    | { type: 'exclude', address: string }
    | { type: 'moderate', poll: string, keys: string[] | 'pending', status: 'approved' | 'hidden' }
    | { type: 'scale', poll: string, round: number, value: number }
    | { type: 'answer', poll: string, round: number, text: string }

/** An open answer as the server stored it (normalised) and the group it joined. */
export interface StoredAnswer { text: string, key: string }

export type VoteResult = { ok: true, vote: PendingVote } | { ok: false, vote: PendingVote, code: ErrorCode, message: string }

/** A control or select that was refused, or could not be sent (`offline`). */
export class PollRequestError extends Error {
  override name = 'PollRequestError'
  constructor(readonly code: ErrorCode | 'offline', message: string) {
    super(message)
  }
}

export interface PollClientOptions {
  /** The WebSocket URL, e.g. `socketUrl('http://localhost:3040')`. */
  url: string
  /** `globalThis.WebSocket` in a browser; the `ws` package's WebSocket in Node. */
  WebSocket: WebSocketConstructor
  hello: ClientHello
  /** Every valid message from the server, after the client has updated its own state. */
  onMessage?: (message: ServerMessage) => void
  onStatus?: (status: ConnectionStatus) => void
  /** A vote was acknowledged (it is on disk) or refused. */
  onVote?: (result: VoteResult) => void
  /** The server refused this client for good (wrong token or join code, old protocol). */
  onFatal?: (error: { code: ErrorCode | 'closed', closeCode: number }) => void
  backoff?: BackoffOptions
  /** How often to check the link; a link silent for two intervals is dropped and redialled. */
  pingIntervalMs?: number
  random?: () => number
}

export interface PollClient {
  readonly status: ConnectionStatus
  /** Casts or changes this device's vote; it is resent after reconnects until acknowledged. Returns the message id. */
  vote: (poll: string, round: number, choice: number) => string
  /** Votes not yet acknowledged. */
  pendingVotes: () => PendingVote[]
  /** Presenter only; resolves once committed. Never resent: after a reconnect the snapshot tells the truth. */
  control: (action: ControlAction, poll: string) => Promise<void>
  select: (poll: string | null) => Promise<void>
  /** Presenter only: stores a show of hands taken while the server was unreachable; resolves once committed. */
  hands: (poll: string, round: number, counts: number[]) => Promise<void>
  /** Presenter only: changes what every projector shows of a poll; resolves once committed. */
  display: (poll: string, patch: Partial<PollDisplay>) => Promise<void>
  /** Stops counting the votes of every device that joined from `address`. */
  exclude: (address: string) => Promise<void>
  /** Moderating presenter only (hello with `moderator: true`): approves or hides answer groups of an open poll. */
  moderate: (poll: string, keys: string[] | 'pending', status: 'approved' | 'hidden') => Promise<void>
  /**
   * Participant: places this device on a scale poll; resolves once committed, rejects with the
   * server's code (`bad-value`, `poll-not-open`, ...) or `offline`. Not resent after a reconnect:
   * the snapshot's `myVotes` says whether it was stored.
   */
  scale: (poll: string, round: number, value: number) => Promise<void>
  /**
   * Participant: gives an answer to an open poll; as `scale`, and the snapshot's `myAnswers` says
   * what was stored. Resolves with the text as stored, so the phone shows what the room may see.
   */
  answer: (poll: string, round: number, text: string) => Promise<StoredAnswer>
  /** Redial now instead of waiting for the backoff (e.g. on the browser's `online` event). */
  reconnect: () => void
  close: () => void
}

/** Creates a client and starts connecting. */
export function createPollClient(options: PollClientOptions): PollClient {
  const { random = Math.random, pingIntervalMs = 20_000 } = options
  const pendingVotes = new Map<string, PendingVote>()
  const requests = new Map<string, { resolve: (ack: AckMessage | undefined) => void, reject: (error: PollRequestError) => void }>()
  const idPrefix = Math.floor(random() * 36 ** 6).toString(36)
  let counter = 0
  let socket: WebSocketLike | undefined
  let status: ConnectionStatus = 'connecting'
  let joined = false
  let stopped = false
  let attempt = 0
  let lastHeard = 0
  let lastError: ErrorCode | undefined
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let pingTimer: ReturnType<typeof setInterval> | undefined

  const nextId = () => `${idPrefix}-${(++counter).toString(36)}`
  const setStatus = (next: ConnectionStatus) => {
    if (next !== status) {
      status = next
      options.onStatus?.(next)
    }
  }
  const send = (message: object) => socket?.send(JSON.stringify(message))

  function connect(): void {
    reconnectTimer = undefined
    let ws: WebSocketLike
    try {
      ws = new options.WebSocket(options.url)
    }
    catch {
      return scheduleReconnect()
    }
    socket = ws
    ws.onopen = () => {
      lastHeard = Date.now()
      send({ type: 'hello', v: PROTOCOL_VERSION, ...options.hello })
      pingTimer = setInterval(checkLink, pingIntervalMs)
    }
    ws.onmessage = (event: { data: unknown }) => {
      lastHeard = Date.now()
      if (typeof event.data === 'string')
        receive(event.data)
    }
    ws.onclose = (event: { code?: number }) => {
      if (socket === ws)
        lost(event.code ?? 1006)
    }
    ws.onerror = () => {}
  }

  function checkLink(): void {
    if (Date.now() - lastHeard > 2 * pingIntervalMs) {
      // Silent for too long (a phone that changed networks): the OS may take minutes to notice.
      const ws = socket
      lost(1006)
      ws?.close()
      return
    }
    send({ type: 'ping' })
  }

  function lost(closeCode: number): void {
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null
      // Keep a listener: `ws` throws an unhandled 'error' when a connecting socket is closed.
      socket.onerror = () => {}
      socket = undefined
    }
    joined = false
    clearInterval(pingTimer)
    for (const [id, request] of requests) {
      requests.delete(id)
      request.reject(new PollRequestError('offline', 'The connection dropped before the server answered.'))
    }
    if (stopped)
      return
    if (FATAL_CLOSE_CODES.includes(closeCode)) {
      stop()
      options.onFatal?.({ code: lastError ?? 'closed', closeCode })
      return
    }
    scheduleReconnect()
  }

  function scheduleReconnect(): void {
    setStatus('reconnecting')
    reconnectTimer = setTimeout(connect, backoffDelay(attempt++, options.backoff, random))
  }

  function receive(data: string): void {
    const parsed = parseServerMessage(data)
    if (!parsed.ok)
      return
    const message = parsed.message
    if (message.type === 'snapshot') {
      joined = true
      attempt = 0
      lastError = undefined
      settleFromSnapshot(message)
      setStatus('open')
      for (const vote of pendingVotes.values())
        send({ type: 'vote', ...vote })
    }
    else if (message.type === 'ack') {
      settle(message.id, undefined, message)
    }
    else if (message.type === 'error') {
      lastError = message.code
      if (message.id !== undefined)
        settle(message.id, message)
    }
    options.onMessage?.(message)
  }

  /** A vote committed just before the link dropped shows up in the snapshot: no need to resend it. */
  function settleFromSnapshot(snapshot: Snapshot): void {
    if (snapshot.role !== 'participant' || !snapshot.poll)
      return
    const { id, myVotes } = snapshot.poll
    for (const vote of [...pendingVotes.values()]) {
      if (vote.poll === id && myVotes[vote.round - 1] === vote.choice)
        settle(vote.id, undefined)
    }
  }

  function settle(id: string, error: { code: ErrorCode, message: string } | undefined, ack?: AckMessage): void {
    const request = requests.get(id)
    if (request) {
      requests.delete(id)
      return error ? request.reject(new PollRequestError(error.code, error.message)) : request.resolve(ack)
    }
    const vote = [...pendingVotes.values()].find(pending => pending.id === id)
    if (!vote)
      return
    pendingVotes.delete(voteKey(vote.poll, vote.round))
    options.onVote?.(error ? { ok: false, vote, code: error.code, message: error.message } : { ok: true, vote })
  }

  /** Sends a message and settles with its ack (undefined when a snapshot settled it), or rejects with the error. */
  function acked(message: AckedRequest): Promise<AckMessage | undefined> {
    if (!joined)
      return Promise.reject(new PollRequestError('offline', 'Not connected to the poll server.'))
    const id = nextId()
    return new Promise((resolve, reject) => {
      requests.set(id, { resolve, reject })
      send({ ...message, id })
    })
  }

  async function request(message: AckedRequest): Promise<void> {
    await acked(message)
  }

  async function answer(poll: string, round: number, text: string): Promise<StoredAnswer> {
    const stored = (await acked({ type: 'answer', poll, round, text }))?.answer
    if (!stored)
      throw new PollRequestError('server-error', 'The server did not say what it stored.')
    return { text: stored.text, key: stored.key }
  }

  function stop(): void {
    stopped = true
    clearTimeout(reconnectTimer)
    setStatus('stopped')
  }

  connect()

  return {
    get status() {
      return status
    },
    vote(poll, round, choice) {
      const vote = { id: nextId(), poll, round, choice }
      // A newer choice replaces an unacknowledged older one: only the latest is resent.
      pendingVotes.set(voteKey(poll, round), vote)
      if (joined)
        send({ type: 'vote', ...vote })
      return vote.id
    },
    pendingVotes: () => [...pendingVotes.values()],
    control: (action, poll) => request({ type: 'control', action, poll }),
    select: poll => request({ type: 'select', poll }),
    hands: (poll, round, counts) => request({ type: 'hands', poll, round, counts }),
    display: (poll, patch) => request({ type: 'display', poll, ...patch }),
    exclude: address => request({ type: 'exclude', address }),
    moderate: (poll, keys, status) => request({ type: 'moderate', poll, keys, status }),
    scale: (poll, round, value) => request({ type: 'scale', poll, round, value }),
    answer,
    reconnect() {
      if (stopped || socket)
        return
      clearTimeout(reconnectTimer)
      attempt = 0
      connect()
    },
    close() {
      const ws = socket
      stop()
      lost(1000)
      ws?.close(1000)
    },
  }
}

type AckMessage = Extract<ServerMessage, { type: 'ack' }>

function voteKey(poll: string, round: number): string {
  return `${poll}#${round}`
}
