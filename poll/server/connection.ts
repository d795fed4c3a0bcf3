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
  const { hub, throttles } = context
  const bucket = new TokenBucket(context.rateLimit.burst, context.rateLimit.perSecond)
  let role: 'participant' | 'presenter' | undefined
  let device = ''
  let dropped = 0
  let lastRateWarning = 0

  const fail = (code: ErrorCode, id?: string, reason = messages[code] ?? code) => {
    send(socket, { type: 'error', code, message: reason, ...(id === undefined ? {} : { id }) })
  }
  const refuse = (code: ErrorCode, closeCode: number, reason: string) => {
    fail(code, undefined, reason)
    socket.close(closeCode, code)
  }
  const refuseThrottled = (waitMs: number) =>
    refuse('too-many-attempts', CloseCode.rateLimited, `Too many wrong codes; try again in ${Math.ceil(waitMs / 1000)} s.`)

  const helloTimer = setTimeout(() => socket.close(CloseCode.helloTimeout, 'hello expected'), context.helloTimeoutMs)
  context.limits.opened(address)
  const greet = (as: 'participant' | 'presenter') => {
    clearTimeout(helloTimer)
    role = as
    context.limits.greeted(address)
  }
  // `ws` reports protocol violations (e.g. frames over maxPayload) here and closes the socket itself.
  socket.on('error', () => {})
  socket.on('close', () => {
    clearTimeout(helloTimer)
    context.limits.closed(address, role !== undefined)
    hub.remove(socket)
  })

  socket.on('message', (data, isBinary) => {
    if (!bucket.take()) {
      dropped++
      if (dropped > context.rateLimit.burst * 2) {
        socket.close(CloseCode.rateLimited, 'rate-limited')
      }
      else if (Date.now() - lastRateWarning > 1000) {
        lastRateWarning = Date.now()
        fail('rate-limited', undefined, 'Too many messages; slow down.')
      }
      return
    }
    dropped = 0
    if (isBinary)
      return fail('bad-message')
    // Parsing and handling wait for the inbox's next slice; a socket gone by then is skipped
    // (its phone resends what was not acknowledged when it reconnects).
    context.inbox.push(() => {
      if (socket.readyState !== OPEN)
        return
      const parsed = parseClientMessage(String(data))
      if (!parsed.ok)
        return fail(parsed.code, parsed.id)
      dispatch(parsed.message)
    }, role === 'presenter')
  })

  function dispatch(message: ClientMessage): void {
    switch (message.type) {
      case 'ping':
        return send(socket, { type: 'pong' })
      case 'hello':
        return role ? fail('already-joined') : hello(message)
      case 'vote':
      case 'scale':
      case 'answer':
        if (role !== 'participant')
          return fail(role ? 'forbidden' : 'not-joined', message.id, role ? 'The presenter cannot vote.' : undefined)
        return hub.submit(socket, message.id, participantCommand(message, device))
      case 'moderate':
        if (role !== 'presenter' || !hub.isModerator(socket))
          return fail(role ? 'forbidden' : 'not-joined', message.id, role ? 'Only the presenter\'s own screen (hello with moderator: true) can moderate.' : undefined)
        return hub.submit(socket, message.id, { kind: 'moderate', poll: message.poll, keys: message.keys === 'pending' ? 'pending' : [...message.keys], status: message.status })
      case 'exclude':
        if (role !== 'presenter')
          return fail(role ? 'forbidden' : 'not-joined', message.id)
        hub.admission.block(message.address)
        return hub.submit(socket, message.id, { kind: 'exclude', devices: hub.devicesFrom(message.address) })
      case 'control':
      case 'select':
      case 'hands':
      case 'display':
        if (role !== 'presenter')
          return fail(role ? 'forbidden' : 'not-joined', message.id)
        return hub.submit(socket, message.id, presenterCommand(message))
    }
  }

  function hello(message: HelloMessage): void {
    if (message.v !== PROTOCOL_VERSION)
      return refuse('unsupported-version', CloseCode.unsupportedVersion, `This server speaks protocol version ${PROTOCOL_VERSION}; reload the page.`)
    if (message.role === 'presenter') {
      if (secretsMatch(message.token, context.presenterToken)) {
        greet('presenter')
        return hub.addPresenter(socket, message.moderator ?? false)
      }
      const wait = throttles.address.retryAfterMs(address)
      if (wait > 0)
        return refuseThrottled(wait)
      throttles.address.recordFailure(address)
      return refuse('bad-token', CloseCode.badToken, 'The presenter token is wrong; restart the deck or copy the token again.')
    }
    const wait = Math.max(throttles.device.retryAfterMs(message.device), throttles.address.retryAfterMs(address))
    if (wait > 0)
      return refuseThrottled(wait)
    if (!secretsMatch(normalizeJoinCode(message.code), context.joinCode)) {
      throttles.device.recordFailure(message.device)
      throttles.address.recordFailure(address)
      return refuse('bad-join-code', CloseCode.badJoinCode, 'That join code is not this session\'s; check the code on the screen.')
    }
    const admission = hub.admission.admit(address, message.device)
    if (!admission.ok) {
      return admission.reason === 'blocked'
        ? refuse('excluded', CloseCode.badJoinCode, 'The presenter stopped counting votes from this network.')
        : refuse('too-many-devices', CloseCode.rateLimited, `Too many new phones from this network at once; try again in ${Math.ceil(admission.retryAfterMs / 1000)} s.`)
    }
    greet('participant')
    device = message.device
    hub.addParticipant(socket, device)
  }
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
