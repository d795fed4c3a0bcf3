import type { ServerMessage } from '../../../poll/protocol'
import { randomBytes } from 'node:crypto'
import WebSocket from 'ws'
import { parseServerMessage, PROTOCOL_VERSION } from '../../../poll/protocol'

export interface TestSocketOptions {
  origin?: string
  /** false: never answer the server's pings (a dead phone). */
  autoPong?: boolean
  /** Extra request headers (e.g. X-Forwarded-For, as a proxy adds it). */
  headers?: Record<string, string>
}

type Matcher = ServerMessage['type'] | ((message: ServerMessage) => boolean)

/** A raw `ws` client that records what the server sends and lets a test wait for it. */
export class TestSocket {
  /** Every valid message received, in order. */
  readonly received: ServerMessage[] = []
  /** Frames that did not parse as a server message (there should be none). */
  readonly invalid: string[] = []
  readonly closed: Promise<{ code: number, reason: string }>
  private consumed = 0
  private waiters: (() => void)[] = []

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const parsed = parseServerMessage(String(data))
      if (parsed.ok)
        this.received.push(parsed.message)
      else
        this.invalid.push(String(data))
      this.wake()
    })
    ws.on('error', () => {})
    this.closed = new Promise(resolve => ws.on('close', (code, reason) => {
      this.wake()
      resolve({ code, reason: String(reason) })
    }))
  }

  static open(url: string, options: TestSocketOptions = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, { origin: options.origin, autoPong: options.autoPong ?? true, headers: options.headers })
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestSocket(ws)))
      ws.once('error', reject)
      ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)))
    })
  }

  /** Opens a socket and joins as a participant; resolves with the snapshot. */
  static async participant(url: string, code: string, device = randomDevice()): Promise<TestSocket> {
    const socket = await TestSocket.open(url)
    socket.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'participant', device, code })
    await socket.next('snapshot')
    return socket
  }

  static async presenter(url: string, token: string): Promise<TestSocket> {
    const socket = await TestSocket.open(url)
    socket.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', token })
    await socket.next('snapshot')
    return socket
  }

  send(message: object | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Resolves with the next not-yet-returned message that matches (messages before it are skipped). */
  async next<T extends ServerMessage['type']>(match: T, timeoutMs?: number): Promise<Extract<ServerMessage, { type: T }>>
  async next(match: (message: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>
  async next(match: Matcher, timeoutMs = 5000): Promise<ServerMessage> {
    const test = typeof match === 'string' ? (message: ServerMessage) => message.type === match : match
    const deadline = Date.now() + timeoutMs
    for (;;) {
      for (let index = this.consumed; index < this.received.length; index++) {
        if (test(this.received[index]!)) {
          this.consumed = index + 1
          return this.received[index]!
        }
      }
      if (this.ws.readyState === WebSocket.CLOSED)
        throw new Error(`socket closed while waiting for ${String(match)}`)
      if (Date.now() > deadline)
        throw new Error(`no ${typeof match === 'string' ? match : 'matching'} message within ${timeoutMs} ms; got ${JSON.stringify(this.received.slice(this.consumed))}`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()))
        this.waiters.push(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /** Sends a vote and waits for its ack or error. */
  async vote(poll: string, round: number, choice: number, id = `v${Math.random().toString(36).slice(2, 10)}`): Promise<ServerMessage> {
    this.send({ type: 'vote', id, poll, round, choice })
    return this.next(message => (message.type === 'ack' || message.type === 'error') && message.id === id)
  }

  /** Sends a control (or select) and waits for its ack or error. */
  async control(action: string, poll: string | null): Promise<ServerMessage> {
    const id = `c${Math.random().toString(36).slice(2, 10)}`
    this.send(action === 'select' ? { type: 'select', id, poll } : { type: 'control', id, action, poll })
    return this.next(message => (message.type === 'ack' || message.type === 'error') && message.id === id)
  }

  close(): void {
    this.ws.close()
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    for (const waiter of waiters)
      waiter()
  }
}

export function randomDevice(): string {
  return randomBytes(16).toString('hex')
}
