// One socket's life: rate limit, hello (join code or presenter token), then votes from
// phones and controls from presenters. Every refusal is a typed error or close code.
import type { WebSocket } from 'ws'
import type { Command } from '../pollMachine'
import type { AnswerMessage, ClientMessage, ControlMessage, DisplayMessage, ErrorCode, HandsMessage, HelloMessage, PollDisplay, ScaleVoteMessage, SelectMessage, VoteMessage } from '../protocol'
import type { AddressLimits } from './addressLimits'
import type { JoinThrottle } from './joinThrottle'
import type { PollHub } from './pollHub'
import type { SlicedQueue } from './slicedQueue'
import { CloseCode, normalizeJoinCode, parseClientMessage, PROTOCOL_VERSION } from '../protocol'
import { secretsMatch } from './presenterToken'
import { TokenBucket } from './rateLimiter'
import { OPEN, send } from './send'

export interface ConnectionContext {
  hub: PollHub
  joinCode: string
  presenterToken: string
  /**
   * Wrong join codes are counted per device and per address: the per-device limit stops
   * one phone's guessing, the much higher per-address one a script inventing devices,
   * without locking out a whole room behind one NAT. A valid presenter token is never throttled.
   */
  throttles: { device: JoinThrottle, address: JoinThrottle }
  /** Open and not-yet-greeted sockets per address. */
  limits: AddressLimits
  /** Messages a socket may send at once, and per second after that. */
  rateLimit: { burst: number, perSecond: number }
  /** A socket that has not said hello by then is closed. */
  helloTimeoutMs: number
  /** Received messages wait here and are handled a slice per event-loop turn, the presenter's first. */
  inbox: SlicedQueue<() => void>
}

/** Plain-language reasons, never echoing what the client sent. */
const messages: Partial<Record<ErrorCode, string>> = {
  'bad-json': 'The message is not valid JSON.',
  'bad-message': 'The message does not have the expected fields.',
  'unknown-type': 'The message type is not known.',
  'not-joined': 'Send hello first.',
  'already-joined': 'This connection has already said hello.',
  'forbidden': 'Only the presenter can do that.',
}

/** Wires one accepted WebSocket. `address` is used, in memory only, to throttle guessing. */
export function handleConnection(socket: WebSocket, address: string, context: ConnectionContext): void {
  // eslint-disable-next-line no-new -- the socket's listeners hold the connection
  new Connection(socket, address, context)
}

/**
 * A class rather than closures over one function's scope: its methods are shared by every
 * socket, where each closure costs every socket its own function object (~0.6 KB per phone,
 * 3 MB at 5,000). The socket's three listeners are what keep it alive.
 */
class Connection {
  private readonly bucket: TokenBucket
  private readonly helloTimer: ReturnType<typeof setTimeout>
  private role: 'participant' | 'presenter' | undefined
  private device = ''
  private dropped = 0
  private lastRateWarning = 0

  constructor(private readonly socket: WebSocket, private readonly address: string, private readonly context: ConnectionContext) {
    this.bucket = new TokenBucket(context.rateLimit.burst, context.rateLimit.perSecond)
    this.helloTimer = setTimeout(closeSilent, context.helloTimeoutMs, socket)
    context.limits.opened(address)
    // `ws` reports protocol violations (e.g. frames over maxPayload) here and closes the socket itself.
    socket.on('error', ignore)
    socket.on('close', () => this.closed())
    socket.on('message', (data, isBinary) => this.received(data, isBinary))
  }

  private closed(): void {
    clearTimeout(this.helloTimer)
    this.context.limits.closed(this.address, this.role !== undefined)
    this.context.hub.remove(this.socket)
  }

  private received(data: WebSocket.RawData, isBinary: boolean): void {
    const { context } = this
    if (!this.bucket.take()) {
      this.dropped++
      if (this.dropped > context.rateLimit.burst * 2) {
        this.socket.close(CloseCode.rateLimited, 'rate-limited')
      }
      else if (Date.now() - this.lastRateWarning > 1000) {
        this.lastRateWarning = Date.now()
        this.fail('rate-limited', undefined, 'Too many messages; slow down.')
      }
      return
    }
    this.dropped = 0
    if (isBinary)
      return this.fail('bad-message')
    // Parsing and handling wait for the inbox's next slice; a socket gone by then is skipped
    // (its phone resends what was not acknowledged when it reconnects).
    context.inbox.push(() => this.handle(data), this.role === 'presenter')
  }

  private handle(data: WebSocket.RawData): void {
    if (this.socket.readyState !== OPEN)
      return
    const parsed = parseClientMessage(String(data))
    if (!parsed.ok)
      return this.fail(parsed.code, parsed.id)
    this.dispatch(parsed.message)
  }

  private fail(code: ErrorCode, id?: string, reason = messages[code] ?? code): void {
    send(this.socket, { type: 'error', code, message: reason, ...(id === undefined ? {} : { id }) })
  }

  private refuse(code: ErrorCode, closeCode: number, reason: string): void {
    this.fail(code, undefined, reason)
    this.socket.close(closeCode, code)
  }

  private refuseThrottled(waitMs: number): void {
    this.refuse('too-many-attempts', CloseCode.rateLimited, `Too many wrong codes; try again in ${Math.ceil(waitMs / 1000)} s.`)
  }

  private greet(as: 'participant' | 'presenter'): void {
    clearTimeout(this.helloTimer)
    this.role = as
    this.context.limits.greeted(this.address)
  }

  private dispatch(message: ClientMessage): void {
    const { socket, role } = this
    const { hub } = this.context
    switch (message.type) {
      case 'ping':
        return send(socket, { type: 'pong' })
      case 'hello':
        return role ? this.fail('already-joined') : this.hello(message)
      case 'vote':
      case 'scale':
      case 'answer':
        if (role !== 'participant')
          return this.fail(role ? 'forbidden' : 'not-joined', message.id, role ? 'The presenter cannot vote.' : undefined)
        return hub.submit(socket, message.id, participantCommand(message, this.device))
      case 'moderate':
        if (role !== 'presenter' || !hub.isModerator(socket))
          return this.fail(role ? 'forbidden' : 'not-joined', message.id, role ? 'Only the presenter\'s own screen (hello with moderator: true) can moderate.' : undefined)
        return hub.submit(socket, message.id, { kind: 'moderate', poll: message.poll, keys: message.keys === 'pending' ? 'pending' : [...message.keys], status: message.status })
      case 'exclude':
        if (role !== 'presenter')
          return this.fail(role ? 'forbidden' : 'not-joined', message.id)
        hub.admission.block(message.address)
        return hub.submit(socket, message.id, { kind: 'exclude', devices: hub.devicesFrom(message.address) })
      case 'control':
      case 'select':
      case 'hands':
      case 'display':
        if (role !== 'presenter')
          return this.fail(role ? 'forbidden' : 'not-joined', message.id)
        return hub.submit(socket, message.id, presenterCommand(message))
    }
  }

  private hello(message: HelloMessage): void {
    const { socket, address } = this
    const { hub, throttles } = this.context
    if (message.v !== PROTOCOL_VERSION)
      return this.refuse('unsupported-version', CloseCode.unsupportedVersion, `This server speaks protocol version ${PROTOCOL_VERSION}; reload the page.`)
    if (message.role === 'presenter') {
      if (secretsMatch(message.token, this.context.presenterToken)) {
        this.greet('presenter')
        return hub.addPresenter(socket, message.moderator ?? false)
      }
      const wait = throttles.address.retryAfterMs(address)
      if (wait > 0)
        return this.refuseThrottled(wait)
      throttles.address.recordFailure(address)
      return this.refuse('bad-token', CloseCode.badToken, 'The presenter token is wrong; restart the deck or copy the token again.')
    }
    const wait = Math.max(throttles.device.retryAfterMs(message.device), throttles.address.retryAfterMs(address))
    if (wait > 0)
      return this.refuseThrottled(wait)
    if (!secretsMatch(normalizeJoinCode(message.code), this.context.joinCode)) {
      throttles.device.recordFailure(message.device)
      throttles.address.recordFailure(address)
      return this.refuse('bad-join-code', CloseCode.badJoinCode, 'That join code is not this session\'s; check the code on the screen.')
    }
    const admission = hub.admission.admit(address, message.device)
    if (!admission.ok) {
      return admission.reason === 'blocked'
        ? this.refuse('excluded', CloseCode.badJoinCode, 'The presenter stopped counting votes from this network.')
        : this.refuse('too-many-devices', CloseCode.rateLimited, `Too many new phones from this network at once; try again in ${Math.ceil(admission.retryAfterMs / 1000)} s.`)
    }
    this.greet('participant')
    this.device = message.device
    hub.addParticipant(socket, this.device)
  }
}

function ignore(): void {}

/** The hello timeout: a socket that never said hello is closed. */
function closeSilent(socket: WebSocket): void {
  socket.close(CloseCode.helloTimeout, 'hello expected')
}

/** The machine command for a participant's vote, scale vote or open answer. */
function participantCommand(message: VoteMessage | ScaleVoteMessage | AnswerMessage, device: string): Command {
  switch (message.type) {
    case 'vote':
      return { kind: 'vote', device, poll: message.poll, round: message.round, choice: message.choice }
    case 'scale':
      return { kind: 'scale', device, poll: message.poll, round: message.round, value: message.value }
    case 'answer':
      return { kind: 'answer', device, poll: message.poll, round: message.round, text: message.text }
  }
}

/** The machine command for a presenter's message. */
function presenterCommand(message: ControlMessage | SelectMessage | HandsMessage | DisplayMessage): Command {
  switch (message.type) {
    case 'select':
      return { kind: 'select', poll: message.poll }
    case 'control':
      return { kind: 'control', action: message.action, poll: message.poll }
    case 'hands':
      return { kind: 'hands', poll: message.poll, round: message.round, counts: [...message.counts] }
    case 'display': {
      const patch: Partial<PollDisplay> = {}
      if (message.showResults !== undefined)
        patch.showResults = message.showResults
      if (message.compareRounds !== undefined)
        patch.compareRounds = message.compareRounds
      return { kind: 'display', poll: message.poll, patch }
    }
  }
}
