import type { TestServer } from './support/testServer'
import { Buffer } from 'node:buffer'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { CloseCode, MAX_MESSAGE_BYTES, PROTOCOL_VERSION } from '../../poll/protocol'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

let t: TestServer
let deck: TestSocket
beforeAll(async () => {
  t = await startTestServer({
    // Short enough to test, long enough that a stall of the loaded test machine does not
    // cut the deck's own socket (100/300 ms did, with browsers running beside it).
    heartbeatMs: 1000,
    helloTimeoutMs: 1500,
    rateLimit: { burst: 10, perSecond: 5 },
    // Guessing has its own server below; here a few wrong tokens must not lock the tests out.
    joinThrottle: { perDevice: 100, perAddress: 100, windowMs: 60_000 },
    deckOrigins: ['http://localhost:3030'],
  })
  deck = await TestSocket.presenter(t.wsUrl, t.token)
  await deck.control('open', 'roadmap-question')
  await deck.control('open', 'slipping-date')
  await deck.control('close', 'slipping-date')
})
afterAll(async () => {
  deck.close()
  await t.stop()
})

/** Runs `attack`, then checks that nothing changed and that the server still serves a new phone. */
async function expectHarmless(attack: () => Promise<void>): Promise<void> {
  const before = await t.state()
  await attack()
  expect(await t.state()).toBe(before)
  const phone = await TestSocket.participant(t.wsUrl, t.code)
  expect(phone.received[0]?.type).toBe('snapshot')
  phone.close()
}

describe('hostile and bad input', () => {
  it('closes a socket that sends a frame over maxPayload (1009), and keeps serving', () => expectHarmless(async () => {
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    phone.send({ type: 'vote', id: 'x'.repeat(MAX_MESSAGE_BYTES), poll: 'roadmap-question', round: 1, choice: 0 })
    expect((await phone.closed).code).toBe(CloseCode.tooBig)
  }))

  it('answers invalid JSON with bad-json and keeps the socket', () => expectHarmless(async () => {
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    phone.send('{"type": "vote",')
    expect(await phone.next('error')).toMatchObject({ code: 'bad-json' })
    phone.send('\u0000\u00FF not json')
    expect(await phone.next('error')).toMatchObject({ code: 'bad-json' })
    expect(phone.isOpen).toBe(true)
    phone.close()
  }))

  it('answers valid JSON of the wrong shape with bad-message, without echoing it', () => expectHarmless(async () => {
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    const shapes = [
      '[1,2,3]',
      'null',
      '"vote"',
      '{"type": 42}',
      '{"type":"vote","id":"a1","poll":"roadmap-question","round":1,"choice":"<script>"}',
      '{"type":"vote","id":"a2","poll":"roadmap-question","round":1,"choice":99}',
      '{"type":"vote","id":"a3","poll":"../../etc/passwd","round":1,"choice":0}',
      '{"type":"vote","id":"a4","poll":"roadmap-question","round":1,"choice":0,"device":"someone-else-device-id"}',
    ]
    for (const shape of shapes) {
      phone.send(shape)
      const error = await phone.next('error')
      expect(error.code).toBe('bad-message')
      expect(error.message).not.toContain('script')
    }
    phone.ws.send(Buffer.from([1, 2, 3]), { binary: true })
    expect(await phone.next('error')).toMatchObject({ code: 'bad-message' })
    phone.close()
  }))

  it('answers unknown message types with unknown-type', () => expectHarmless(async () => {
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    phone.send({ type: 'drop-tables', id: 'm1' })
    expect(await phone.next('error')).toMatchObject({ code: 'unknown-type', id: 'm1' })
    phone.close()
  }))

  it('refuses votes for closed and unknown polls', () => expectHarmless(async () => {
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    expect(await phone.vote('slipping-date', 1, 0)).toMatchObject({ type: 'error', code: 'poll-not-open' })
    expect(await phone.vote('formula-title', 1, 0)).toMatchObject({ type: 'error', code: 'poll-not-open' })
    expect(await phone.vote('no-such-poll', 1, 0)).toMatchObject({ type: 'error', code: 'unknown-poll' })
    phone.close()
  }))

  it('refuses messages before hello, a second hello, and an old protocol version', () => expectHarmless(async () => {
    const stranger = await TestSocket.open(t.wsUrl)
    stranger.send({ type: 'vote', id: 'v1', poll: 'roadmap-question', round: 1, choice: 0 })
    expect(await stranger.next('error')).toMatchObject({ code: 'not-joined', id: 'v1' })
    stranger.send({ type: 'control', id: 'c1', action: 'reset', poll: 'roadmap-question' })
    expect(await stranger.next('error')).toMatchObject({ code: 'not-joined', id: 'c1' })
    stranger.close()

    const phone = await TestSocket.participant(t.wsUrl, t.code)
    phone.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', token: t.token })
    expect(await phone.next('error')).toMatchObject({ code: 'already-joined' })
    phone.send({ type: 'control', id: 'c2', action: 'reset', poll: 'roadmap-question' })
    expect(await phone.next('error')).toMatchObject({ code: 'forbidden', id: 'c2' })
    phone.close()

    const old = await TestSocket.open(t.wsUrl)
    old.send({ type: 'hello', v: PROTOCOL_VERSION - 1, role: 'participant', device: randomDevice(), code: t.code })
    expect(await old.next('error')).toMatchObject({ code: 'unsupported-version' })
    expect((await old.closed).code).toBe(CloseCode.unsupportedVersion)
  }))

  it('refuses control without the token and with a wrong one', () => expectHarmless(async () => {
    for (const token of ['', 'wrong', `${t.token}x`, t.token.slice(0, -1), t.code]) {
      const socket = await TestSocket.open(t.wsUrl)
      socket.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', token })
      expect(await socket.next('error')).toMatchObject({ code: 'bad-token' })
      socket.send({ type: 'control', id: 'c1', action: 'reset', poll: 'roadmap-question' })
      expect((await socket.closed).code).toBe(CloseCode.badToken)
    }
    const tokenless = await TestSocket.open(t.wsUrl)
    tokenless.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'presenter' })
    expect(await tokenless.next('error')).toMatchObject({ code: 'bad-message' })
    tokenless.close()
  }))

  it('refuses a WebSocket upgrade from a foreign Origin with 403', () => expectHarmless(async () => {
    await expect(TestSocket.open(t.wsUrl, { origin: 'http://evil.example' })).rejects.toThrow('HTTP 403')
    await expect(TestSocket.open(t.wsUrl, { origin: 'null' })).rejects.toThrow('HTTP 403')
    // DNS rebinding: the attacker's name now points here, so Origin and Host agree on it.
    const rebound = new WebSocket(t.wsUrl, { origin: `http://evil.example:${t.server.port}`, headers: { Host: `evil.example:${t.server.port}` } })
    const status = await new Promise<number>((resolve) => {
      rebound.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      rebound.on('open', () => resolve(101))
      rebound.on('error', () => {})
    })
    expect(status).toBe(403)
    // The deck's origin and the vote page's own origin are fine.
    for (const origin of ['http://localhost:3030', t.httpUrl]) {
      const socket = await TestSocket.open(t.wsUrl, { origin })
      socket.close()
    }
  }))

  it('rate-limits a flood, then closes the socket with 4429', () => expectHarmless(async () => {
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    for (let index = 0; index < 200; index++)
      phone.send({ type: 'vote', id: `f${index}`, poll: 'slipping-date', round: 1, choice: 0 })
    expect(await phone.next(message => message.type === 'error' && message.code === 'rate-limited')).toBeTruthy()
    expect((await phone.closed).code).toBe(CloseCode.rateLimited)
  }))

  it('terminates a socket that stops answering pings (heartbeat)', async () => {
    const dead = await TestSocket.open(t.wsUrl, { autoPong: false })
    dead.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'participant', device: randomDevice(), code: t.code })
    expect((await dead.closed).code).toBe(1006)
    const alive = await TestSocket.participant(t.wsUrl, t.code)
    // Two heartbeats: a socket that answers pings survives them. The second ping comes only
    // after the server found the answer to the first.
    let pings = 0
    alive.ws.on('ping', () => pings++)
    await vi.waitUntil(() => pings >= 2 || !alive.isOpen, { timeout: 10_000, interval: 50 })
    expect(alive.isOpen).toBe(true)
    alive.close()
  }, 15_000)

  it('closes a socket that never says hello', async () => {
    const silent = await TestSocket.open(t.wsUrl)
    expect((await silent.closed).code).toBe(CloseCode.helloTimeout)
  })
})

describe('join-code guessing', () => {
  let guarded: TestServer
  beforeEach(async () => {
    guarded = await startTestServer({ joinThrottle: { perDevice: 3, perAddress: 6, windowMs: 60_000 } })
  })
  afterEach(() => guarded.stop())

  /** One hello; resolves with the error it was refused with, or 'joined'. */
  async function join(hello: { role: 'participant', device: string, code: string } | { role: 'presenter', token: string }) {
    const socket = await TestSocket.open(guarded.wsUrl)
    socket.send({ type: 'hello', v: PROTOCOL_VERSION, ...hello })
    const reply = await socket.next(message => message.type === 'error' || message.type === 'snapshot')
    socket.close()
    return reply?.type === 'error' ? reply : 'joined'
  }

  it('stops one phone after its wrong codes, says how long to wait, and lets the rest of the room in', async () => {
    const typo = randomDevice()
    for (const code of ['AAAAA', 'BBBBB', 'CCCCC'])
      expect(await join({ role: 'participant', device: typo, code })).toMatchObject({ code: 'bad-join-code' })
    const refused = await join({ role: 'participant', device: typo, code: guarded.code })
    expect(refused).toMatchObject({ code: 'too-many-attempts', message: expect.stringMatching(/^Too many wrong codes; try again in \d+ s\.$/) })
    // Same address (everyone here is 127.0.0.1, like a room behind one NAT): other phones still join.
    expect(await join({ role: 'participant', device: randomDevice(), code: guarded.code })).toBe('joined')
  })

  it('stops a script that invents a device per guess at the address limit, even with the right code', async () => {
    for (let guess = 0; guess < 6; guess++)
      expect(await join({ role: 'participant', device: randomDevice(), code: 'ZZZZZ' })).toMatchObject({ code: 'bad-join-code' })
    expect(await join({ role: 'participant', device: randomDevice(), code: guarded.code })).toMatchObject({ code: 'too-many-attempts' })
    expect(guarded.server.stats().participants).toBe(0)
  })

  it('never refuses the presenter\'s valid token, while wrong tokens stay throttled', async () => {
    for (let guess = 0; guess < 6; guess++)
      expect(await join({ role: 'participant', device: randomDevice(), code: 'ZZZZZ' })).toMatchObject({ code: 'bad-join-code' })
    expect(await join({ role: 'presenter', token: 'not-the-token' })).toMatchObject({ code: 'too-many-attempts' })
    expect(await join({ role: 'presenter', token: guarded.token })).toBe('joined')
  })
})
