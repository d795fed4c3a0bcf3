import type { ServerMessage } from '../../poll/protocol'
import type { TestServer } from './support/testServer'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PROTOCOL_VERSION } from '../../poll/protocol'
import { resultsToCsv } from '../../poll/results/resultsCsv'
import { buildSessionResults } from '../../poll/results/sessionResults'
import { PollStore } from '../../poll/store/pollStore'
import { definitions } from './support/definitions'
import { openPoll, scalePoll } from './support/kindDefinitions'
import { startTestServer } from './support/testServer'
import { TestSocket } from './support/testSocket'

let t: TestServer
let deck: TestSocket
beforeAll(async () => {
  t = await startTestServer({ definitions: [...definitions, scalePoll, openPoll], rateLimit: { burst: 2000, perSecond: 2000 } })
  deck = await moderator()
})
afterAll(async () => {
  deck.close()
  await t.stop()
})

async function moderator(): Promise<TestSocket> {
  const socket = await TestSocket.open(t.wsUrl)
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', token: t.token, moderator: true })
  await socket.next('snapshot')
  return socket
}

async function request(socket: TestSocket, message: Record<string, unknown>): Promise<ServerMessage> {
  const id = `m${Math.random().toString(36).slice(2, 10)}`
  socket.send({ ...message, id })
  return socket.next(reply => (reply.type === 'ack' || reply.type === 'error') && reply.id === id)
}

const scale = (socket: TestSocket, value: unknown) => request(socket, { type: 'scale', poll: scalePoll.id, round: 1, value })
const answer = (socket: TestSocket, text: string) => request(socket, { type: 'answer', poll: openPoll.id, round: 1, text })

function storedResults() {
  const store = PollStore.open(t.dataDir, { readonly: true })
  try {
    return buildSessionResults(store, t.server.join.session)
  }
  finally {
    store.close()
  }
}

describe('scale polls over a real socket', () => {
  it('acknowledge a value once it is stored, and refuse values off the scale or not whole', async () => {
    await deck.control('open', scalePoll.id)
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    expect(await scale(phone, 4)).toMatchObject({ type: 'ack', scale: { poll: scalePoll.id, round: 1, value: 4 } })
    for (const value of [0, 8, 2.5, -3])
      expect(await scale(phone, value)).toMatchObject({ type: 'error', code: 'bad-value' })
    expect(await scale(phone, '3')).toMatchObject({ type: 'error', code: 'bad-message' })
    expect(await request(phone, { type: 'vote', poll: scalePoll.id, round: 1, choice: 0 })).toMatchObject({ type: 'error', code: 'wrong-kind' })
    expect(t.storedVotes(scalePoll.id)).toBe(1)
    await vi.waitUntil(() => deck.received.some(message => message.type === 'tally' && message.polls.some(poll => poll.id === scalePoll.id && poll.rounds[0]?.median === 4)))
    expect(storedResults().scales).toEqual([expect.objectContaining({ id: scalePoll.id, rounds: [expect.objectContaining({ counts: [0, 0, 0, 1, 0, 0, 0], median: 4 })] })])
    phone.close()
  })
})

describe('open polls over a real socket', () => {
  it('store hostile text safely, cap a flooding device, moderate, and export only approved text', async () => {
    await deck.control('open', openPoll.id)
    const projector = await TestSocket.presenter(t.wsUrl, t.token)
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    const script = '<script>alert(1)</script>'
    expect(await answer(phone, ` \u202E${script}\u200B `)).toMatchObject({ type: 'ack', answer: { text: script, key: script } })
    expect(await answer(phone, 'x'.repeat(61))).toMatchObject({ type: 'error', code: 'bad-answer' })
    expect(await answer(phone, '\u0000\u200B')).toMatchObject({ type: 'error', code: 'bad-answer', message: 'The answer is empty.' })
    expect(await answer(phone, '👩‍💻 builds')).toMatchObject({ type: 'ack', answer: { text: '👩‍💻 builds' } })

    // 1,000 answers from one device: each refused with a typed error, the server keeps serving.
    const ids = Array.from({ length: 1000 }, (_, n) => `f${n}`)
    ids.forEach((id, n) => phone.send({ type: 'answer', id, poll: openPoll.id, round: 1, text: `flood ${n}` }))
    await phone.next(message => message.type === 'error' && message.id === 'f999', 20_000)
    expect(phone.received.filter(message => message.type === 'error' && message.code === 'too-many-answers')).toHaveLength(1000)

    const other = await TestSocket.participant(t.wsUrl, t.code)
    expect(await answer(other, 'Shit planning')).toMatchObject({ type: 'ack' })
    expect(await request(projector, { type: 'moderate', poll: openPoll.id, keys: 'pending', status: 'approved' })).toMatchObject({ type: 'error', code: 'forbidden' })
    expect(await request(phone, { type: 'moderate', poll: openPoll.id, keys: 'pending', status: 'approved' })).toMatchObject({ type: 'error', code: 'forbidden' })

    // The moderator sees the queue, the word list's catch hidden; the projector nothing yet.
    await vi.waitUntil(() => deck.received.some(message => message.type === 'tally' && message.polls.some(poll => poll.answers?.[0]?.byStatus?.hidden === 1 && poll.answers[0].byStatus.pending === 2)))
    expect(JSON.stringify(projector.received)).not.toContain('builds')
    expect(await request(deck, { type: 'moderate', poll: openPoll.id, keys: [script], status: 'approved' })).toMatchObject({ type: 'ack' })
    const state = await projector.next(message => message.type === 'state' && message.polls.some(poll => poll.id === openPoll.id))
    expect(state.type === 'state' && state.polls[0]?.answers).toEqual([{ round: 1, groups: [{ key: script, text: script, count: 1 }], more: 0, answers: 1 }])
    expect(JSON.stringify(projector.received)).not.toContain('Shit')

    expect(await request(phone, { type: 'answer', poll: openPoll.id, round: 1, text: 'more' })).toMatchObject({ code: 'too-many-answers' })
    // At the limit: 60 grapheme clusters, each an 11-unit family emoji.
    expect(await answer(other, '👨‍👩‍👧‍👦'.repeat(60))).toMatchObject({ type: 'ack', answer: { text: '👨‍👩‍👧‍👦'.repeat(60) } })
    await deck.control('close', openPoll.id)
    expect(await answer(other, 'late')).toMatchObject({ type: 'error', code: 'poll-not-open' })

    const results = storedResults()
    expect(results.openPolls).toEqual([{ id: openPoll.id, kind: 'open', title: openPoll.title, question: openPoll.question, status: 'closed', rounds: [{ round: 1, respondents: 2, answers: 4, approved: [{ text: script, count: 1, approved: true }] }] }])
    const csv = resultsToCsv(results)
    expect(csv).toContain(`${openPoll.id},One word,1,0,<script>alert(1)</script>,false,1,2,25,0,open,,true`)
    expect(csv).not.toContain('builds')
    expect(csv).not.toContain('Shit')
    projector.close()
    phone.close()
    other.close()
  })

  it('keeps answers and decisions across a restart', async () => {
    const before = await t.state()
    const restarted = await startTestServer({ definitions: [...definitions, scalePoll, openPoll], dataDir: t.dataDir, port: 0 })
    try {
      const observer = await TestSocket.presenter(restarted.wsUrl, restarted.token)
      const snapshot = observer.received[0]
      expect(snapshot?.type === 'snapshot' && snapshot.role === 'presenter' && snapshot.polls.find(poll => poll.id === openPoll.id)?.answers?.[0]?.groups.map(group => group.text)).toEqual(['<script>alert(1)</script>'])
      observer.close()
    }
    finally {
      await restarted.stop()
    }
    expect(before).toContain(openPoll.id)
  })

  it('shows phones the approved answers after the reveal, and an approval made after it', async () => {
    await deck.control('select', openPoll.id)
    await deck.control('reveal', openPoll.id)
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    const snapshot = phone.received[0]
    const texts = (message: ServerMessage | undefined) => {
      const poll = message?.type === 'snapshot' && message.role === 'participant' ? message.poll : message?.type === 'poll' ? message.poll : null
      return poll?.reveal?.answers?.[0]?.groups.map(group => group.text)
    }
    expect(texts(snapshot)).toEqual(['<script>alert(1)</script>'])
    const family = '👨‍👩‍👧‍👦'.repeat(60)
    expect(await request(deck, { type: 'moderate', poll: openPoll.id, keys: [family], status: 'approved' })).toMatchObject({ type: 'ack' })
    expect(texts(await phone.next('poll'))).toEqual(['<script>alert(1)</script>', family])
    expect(JSON.stringify(phone.received)).not.toContain('Shit')
    phone.close()
  })

  it('refuses an old client with the reload-the-page close', async () => {
    const old = await TestSocket.open(t.wsUrl)
    old.send({ type: 'hello', v: PROTOCOL_VERSION - 1, role: 'participant', device: 'd'.repeat(32), code: t.code })
    expect(await old.next('error')).toMatchObject({ code: 'unsupported-version', message: expect.stringContaining('reload the page') })
    expect((await old.closed).code).toBe(4426)
  })
})

describe('a flood of answers under the normal rate limit', () => {
  it('stores at most the poll\'s answers per device, cuts the flooding socket, and keeps serving', async () => {
    const flooded = await startTestServer({ definitions: [openPoll] })
    try {
      const presenter = await TestSocket.presenter(flooded.wsUrl, flooded.token)
      await presenter.control('open', openPoll.id)
      const phone = await TestSocket.participant(flooded.wsUrl, flooded.code)
      for (let n = 0; n < 1000; n++)
        phone.send({ type: 'answer', id: `f${n}`, poll: openPoll.id, round: 1, text: `flood ${n}` })
      expect((await phone.closed).code).toBe(4429)
      const store = PollStore.open(flooded.dataDir, { readonly: true })
      const stored = store.loadState(flooded.server.join.session).answers
      store.close()
      // Messages still queued when the socket was cut are dropped with it, so fewer may be stored, never more.
      expect(stored?.length).toBeLessThanOrEqual(openPoll.maxAnswers)
      const next = await TestSocket.participant(flooded.wsUrl, flooded.code)
      expect(await request(next, { type: 'answer', poll: openPoll.id, round: 1, text: 'still here' })).toMatchObject({ type: 'ack' })
      next.close()
      presenter.close()
    }
    finally {
      await flooded.stop()
    }
  })
})
