import type { ConnectionStatus, VoteResult, WebSocketConstructor, WebSocketLike } from '../../poll/client'
import type { TestServer } from './support/testServer'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest'
import WebSocket from 'ws'
import { backoffDelay, createPollClient } from '../../poll/client'
import { CloseCode, PROTOCOL_VERSION } from '../../poll/protocol'
import { startTestServer } from './support/testServer'
import { TestSocket } from './support/testSocket'

/** A scripted WebSocket: records what the client sends and lets the test play the server. */
class FakeSocket implements WebSocketLike {
  static all: FakeSocket[] = []
  readyState = 0
  sent: Record<string, unknown>[] = []
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor(readonly url: string) {
    FakeSocket.all.push(this)
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>)
  }

  close(): void {
    this.drop(1000)
  }

  open(): void {
    this.readyState = 1
    this.onopen?.({})
  }

  receive(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) })
  }

  drop(code = 1006): void {
    this.readyState = 3
    this.onclose?.({ code })
  }

  sentOfType(type: string): Record<string, unknown>[] {
    return this.sent.filter(message => message.type === type)
  }
}

function snapshot(myVotes: (number | null)[] = [null]) {
  return {
    type: 'snapshot',
    v: PROTOCOL_VERSION,
    role: 'participant',
    session: 's',
    poll: { kind: 'choice', id: 'p', title: 't', situation: 's', question: 'q', choices: ['a', 'b'], scale: null, open: null, status: 'open', round: 1, myVotes, myAnswers: [[]], reveal: null },
  }
}

/** How long and how often the tests poll a condition: the client's backoff here is a few milliseconds. */
const soon = { timeout: 5000, interval: 5 }

function fakeClient(extra: Partial<Parameters<typeof createPollClient>[0]> = {}) {
  FakeSocket.all = []
  const votes: VoteResult[] = []
  const statuses: ConnectionStatus[] = []
  const client = createPollClient({
    url: 'ws://poll.test/ws',
    WebSocket: FakeSocket,
    hello: { role: 'participant', device: 'd'.repeat(32), code: 'ABCDE' },
    backoff: { baseMs: 2, maxMs: 10 },
    onVote: result => votes.push(result),
    onStatus: status => statuses.push(status),
    ...extra,
  })
  return { client, votes, statuses, socket: (index: number) => FakeSocket.all[index]! }
}

describe('backoff', () => {
  it('grows exponentially up to the cap, with jitter in the upper half', () => {
    expect([0, 1, 2, 3].map(attempt => backoffDelay(attempt, { baseMs: 100, maxMs: 1000 }, () => 1))).toEqual([100, 200, 400, 800])
    expect(backoffDelay(3, { baseMs: 100, maxMs: 1000 }, () => 0)).toBe(400)
    expect(backoffDelay(50, { baseMs: 100, maxMs: 1000 }, () => 0.5)).toBe(750)
  })
})

describe('poll client', () => {
  let stop: (() => void) | undefined
  afterEach(() => stop?.())

  it('says hello on connect and is open once the snapshot arrives', () => {
    const { client, socket } = fakeClient()
    stop = client.close
    socket(0).open()
    expect(socket(0).sent).toEqual([{ type: 'hello', v: PROTOCOL_VERSION, role: 'participant', device: 'd'.repeat(32), code: 'ABCDE' }])
    expect(client.status).toBe('connecting')
    socket(0).receive(snapshot())
    expect(client.status).toBe('open')
  })

  it('resends after a reconnect only the votes that were not acknowledged', async () => {
    const { client, votes, socket } = fakeClient()
    stop = client.close
    socket(0).open()
    socket(0).receive(snapshot())
    const acked = client.vote('p', 1, 0)
    socket(0).receive({ type: 'ack', id: acked, vote: { poll: 'p', round: 1, choice: 0 } })
    client.vote('q', 1, 1)
    client.vote('r', 1, 0)
    client.vote('r', 1, 1) // a change before the ack replaces the older choice
    socket(0).drop()
    expect(client.status).toBe('reconnecting')

    await vi.waitUntil(() => FakeSocket.all.length === 2, soon)
    socket(1).open()
    socket(1).receive(snapshot([0]))
    expect(socket(1).sentOfType('vote').map(vote => [vote.poll, vote.choice])).toEqual([['q', 1], ['r', 1]])
    expect(votes).toEqual([{ ok: true, vote: { id: acked, poll: 'p', round: 1, choice: 0 } }])
    expect(client.pendingVotes()).toHaveLength(2)
  })

  it('treats a vote the snapshot already shows as acknowledged (the ack was lost)', async () => {
    const { client, votes, socket } = fakeClient()
    stop = client.close
    socket(0).open()
    socket(0).receive(snapshot())
    client.vote('p', 1, 1)
    socket(0).drop()
    await vi.waitUntil(() => FakeSocket.all.length === 2, soon)
    socket(1).open()
    socket(1).receive(snapshot([1]))
    expect(socket(1).sentOfType('vote')).toEqual([])
    expect(votes.map(result => result.ok)).toEqual([true])
  })

  it('queues votes cast while offline and reports refused ones', () => {
    const { client, votes, socket } = fakeClient()
    stop = client.close
    const id = client.vote('p', 1, 0)
    socket(0).open()
    expect(socket(0).sentOfType('vote')).toEqual([])
    socket(0).receive(snapshot())
    expect(socket(0).sentOfType('vote')).toEqual([{ type: 'vote', id, poll: 'p', round: 1, choice: 0 }])
    socket(0).receive({ type: 'error', code: 'poll-not-open', message: 'closed', id })
    expect(votes).toMatchObject([{ ok: false, code: 'poll-not-open' }])
    expect(client.pendingVotes()).toEqual([])
  })

  it('stops for good after a fatal close (wrong join code) and reports it', () => {
    const fatal: unknown[] = []
    const { client, socket, statuses } = fakeClient({ onFatal: error => fatal.push(error) })
    stop = client.close
    socket(0).open()
    socket(0).receive({ type: 'error', code: 'bad-join-code', message: 'no' })
    socket(0).drop(CloseCode.badJoinCode)
    expect(fatal).toEqual([{ code: 'bad-join-code', closeCode: CloseCode.badJoinCode }])
    expect(statuses.at(-1)).toBe('stopped')
  })

  it('pings a quiet link and redials it once it has been silent for two intervals', () => {
    // Fake clocks: on a loaded machine a real 20 ms interval can fire late enough to skip the ping.
    vi.useFakeTimers()
    try {
      const { client, socket } = fakeClient({ pingIntervalMs: 20 })
      stop = client.close
      socket(0).open()
      socket(0).receive(snapshot())
      vi.advanceTimersByTime(20)
      expect(socket(0).sentOfType('ping')).toHaveLength(1)
      expect(FakeSocket.all).toHaveLength(1)
      vi.advanceTimersByTime(40)
      expect(socket(0).readyState).toBe(3)
      vi.advanceTimersByTime(20)
      expect(FakeSocket.all).toHaveLength(2)
      expect(client.status).not.toBe('open')
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('rejects presenter requests while offline, and settles them by id when online', async () => {
    FakeSocket.all = []
    const client = createPollClient({ url: 'ws://poll.test/ws', WebSocket: FakeSocket, hello: { role: 'presenter', token: 't'.repeat(43) } })
    stop = client.close
    await expect(client.control('open', 'p')).rejects.toMatchObject({ code: 'offline' })
    const socket = FakeSocket.all[0]!
    socket.open()
    socket.receive({ type: 'snapshot', v: PROTOCOL_VERSION, role: 'presenter', join: { session: 's', code: 'ABCDE', url: 'http://x/ABCDE' }, current: null, polls: [], participants: { connected: 0 } })
    const opening = client.control('open', 'p')
    const reveal = client.control('reveal', 'p')
    const [open, second] = socket.sentOfType('control') as { id: string }[]
    socket.receive({ type: 'ack', id: open!.id })
    socket.receive({ type: 'error', code: 'bad-transition', message: 'no', id: second!.id })
    await expect(opening).resolves.toBeUndefined()
    await expect(reveal).rejects.toMatchObject({ code: 'bad-transition' })
  })
  it('sends scale votes, open answers and moderation as requests settled by the server\'s ack or error, an answer with the text as stored', async () => {
    const { client, socket } = fakeClient()
    stop = client.close
    await expect(client.scale('s', 1, 4)).rejects.toMatchObject({ code: 'offline' })
    socket(0).open()
    socket(0).receive(snapshot())
    const placed = client.scale('s', 1, 4)
    const answered = client.answer('o', 1, 'Planning')
    const [scale] = socket(0).sentOfType('scale') as { id: string, value: number }[]
    const [answer] = socket(0).sentOfType('answer') as { id: string, text: string }[]
    expect([scale?.value, answer?.text]).toEqual([4, 'Planning'])
    socket(0).receive({ type: 'ack', id: scale!.id, scale: { poll: 's', round: 1, value: 4 } })
    socket(0).receive({ type: 'error', code: 'too-many-answers', message: 'one', id: answer!.id })
    await expect(placed).resolves.toBeUndefined()
    await expect(answered).rejects.toMatchObject({ code: 'too-many-answers' })
    const again = client.answer('o', 1, ' planning. ')
    const [, repeat] = socket(0).sentOfType('answer') as { id: string }[]
    socket(0).receive({ type: 'ack', id: repeat!.id, answer: { poll: 'o', round: 1, text: 'planning.', key: 'planning' } })
    await expect(again).resolves.toEqual({ text: 'planning.', key: 'planning' })
    void client.moderate('o', 'pending', 'approved').catch(() => {})
    expect(socket(0).sentOfType('moderate')).toMatchObject([{ type: 'moderate', poll: 'o', keys: 'pending', status: 'approved' }])
  })
})

describe('poll client against a real server (Node, with ws)', () => {
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.stop()
    if (t)
      rmSync(t.dataDir, { recursive: true, force: true })
  })

  it('accepts the browser\'s WebSocket and the ws package alike', () => {
    expectTypeOf(globalThis.WebSocket).toExtend<WebSocketConstructor>()
    expectTypeOf(WebSocket).toExtend<WebSocketConstructor>()
  })

  it('gets its vote through a server restart', async () => {
    t = await startTestServer()
    const deck = await TestSocket.presenter(t.wsUrl, t.token)
    await deck.control('open', 'roadmap-question')
    deck.close()
    const votes: VoteResult[] = []
    const client = createPollClient({
      url: t.wsUrl,
      WebSocket,
      hello: { role: 'participant', device: 'e'.repeat(32), code: t.code },
      backoff: { baseMs: 20, maxMs: 100 },
      onVote: result => votes.push(result),
    })
    await vi.waitUntil(() => client.status === 'open', soon)
    client.vote('roadmap-question', 1, 1)
    await vi.waitUntil(() => votes.length === 1, soon)

    // Restart on the same port and data directory; a vote cast meanwhile waits and is sent once.
    const { port } = t.server
    await t.server.close()
    await vi.waitUntil(() => client.status === 'reconnecting', soon)
    client.vote('roadmap-question', 1, 2)
    t = await startTestServer({ dataDir: t.dataDir, port })
    await vi.waitUntil(() => votes.length === 2, soon)
    expect(votes.map(result => result.ok && result.vote.choice)).toEqual([1, 2])
    expect(t.storedVotes('roadmap-question')).toBe(1)
    client.close()
  })
})
