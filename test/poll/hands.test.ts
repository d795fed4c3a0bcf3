import type { ServerMessage } from '../../poll/protocol'
import type { TestServer } from './support/testServer'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PollMachine } from '../../poll/pollMachine'
import { parseClientMessage } from '../../poll/protocol'
import { buildSessionResults } from '../../poll/results/sessionResults'
import { PollStore } from '../../poll/store/pollStore'
import { definitions } from './support/definitions'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

// Each test gets its own server and store: none reads the hands or votes another one saved.
let t: TestServer
const sockets: TestSocket[] = []
beforeEach(async () => {
  t = await startTestServer({ tallyIntervalMs: 20 })
})
afterEach(async () => {
  sockets.splice(0).forEach(socket => socket.close())
  await t.stop()
})

async function presenter(): Promise<TestSocket> {
  const socket = await TestSocket.presenter(t.wsUrl, t.token)
  sockets.push(socket)
  return socket
}

async function hands(socket: TestSocket, poll: string, round: number, counts: number[]): Promise<ServerMessage> {
  const id = `h${Math.random().toString(36).slice(2, 10)}`
  socket.send({ type: 'hands', id, poll, round, counts })
  return socket.next(message => (message.type === 'ack' || message.type === 'error') && message.id === id)
}

function results(poll: string) {
  const store = PollStore.open(t.dataDir, { readonly: true })
  try {
    return buildSessionResults(store, t.server.join.session).polls.find(result => result.id === poll)
  }
  finally {
    store.close()
  }
}

describe('a show of hands saved to the poll server', () => {
  it('is stored like votes: the presenter sees the counts and the results export has them', async () => {
    const deck = await presenter()
    expect(await hands(deck, 'roadmap-question', 1, [4, 1, 2])).toMatchObject({ type: 'ack' })
    const state = await deck.next('state')
    // A poll never opened counts as asked (closed) once hands were counted.
    expect(state.polls).toEqual([{ id: 'roadmap-question', kind: 'choice', status: 'closed', round: 1, answer: 0, rounds: [{ round: 1, counts: [4, 1, 2], voters: 7 }], display: { showResults: false, compareRounds: false } }])
    expect(t.storedVotes('roadmap-question')).toBe(7)
    expect(results('roadmap-question')?.rounds).toEqual([{ round: 1, voters: 7, counts: [4, 1, 2], excludedVotes: 0 }])
  })

  it('replaces an earlier show of hands of the same round and keeps the phones\' votes', async () => {
    const deck = await presenter()
    // The earlier show of hands.
    expect(await hands(deck, 'roadmap-question', 1, [4, 1, 2])).toMatchObject({ type: 'ack' })
    await deck.control('open', 'roadmap-question')
    const phone = await TestSocket.participant(t.wsUrl, t.code, randomDevice())
    sockets.push(phone)
    expect(await phone.vote('roadmap-question', 1, 2)).toMatchObject({ type: 'ack' })
    expect(await hands(deck, 'roadmap-question', 1, [1, 0, 0])).toMatchObject({ type: 'ack' })
    const state = await deck.next(message => message.type === 'state' && message.polls[0]?.rounds[0]?.voters === 2)
    expect(state.type === 'state' && state.polls[0]).toMatchObject({ status: 'open', rounds: [{ counts: [1, 0, 1], voters: 2 }] })
    expect(t.storedVotes('roadmap-question')).toBe(2)
  })

  it('survives a restart, rebuilt from the store', async () => {
    // A show of hands beside a phone's vote, as the room leaves them.
    const deck = await presenter()
    await deck.control('open', 'roadmap-question')
    const phone = await TestSocket.participant(t.wsUrl, t.code, randomDevice())
    sockets.push(phone)
    expect(await phone.vote('roadmap-question', 1, 2)).toMatchObject({ type: 'ack' })
    expect(await hands(deck, 'roadmap-question', 1, [1, 0, 0])).toMatchObject({ type: 'ack' })

    const store = PollStore.open(t.dataDir, { readonly: true })
    try {
      const machine = new PollMachine(definitions, store.loadState(t.server.join.session))
      expect(machine.poll('roadmap-question')?.counts).toEqual([[1, 0, 1]])
    }
    finally {
      store.close()
    }
  })

  it('is refused for a round the poll has not reached, a wrong number of choices, and from a phone', async () => {
    const deck = await presenter()
    expect(await hands(deck, 'slipping-date', 2, [1, 1])).toMatchObject({ type: 'error', code: 'wrong-round' })
    expect(await hands(deck, 'slipping-date', 1, [1, 1, 1])).toMatchObject({ type: 'error', code: 'bad-choice' })
    expect(await hands(deck, 'no-such-poll', 1, [1])).toMatchObject({ type: 'error', code: 'unknown-poll' })
    const phone = await TestSocket.participant(t.wsUrl, t.code, randomDevice())
    sockets.push(phone)
    expect(await hands(phone, 'slipping-date', 1, [1, 1])).toMatchObject({ type: 'error', code: 'forbidden' })
    expect(t.storedVotes('slipping-date')).toBe(0)
  })

  it('validates counts at the boundary: whole, not negative, at most 1000 per choice, at most 10 options', () => {
    const message = (counts: unknown) => JSON.stringify({ type: 'hands', id: 'h1', poll: 'p', round: 1, counts })
    expect(parseClientMessage(message([3, 0, 1000])).ok).toBe(true)
    for (const counts of [[-1, 2], [1.5, 2], [1001, 0], [], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'many'])
      expect(parseClientMessage(message(counts)), JSON.stringify(counts)).toMatchObject({ ok: false, code: 'bad-message' })
  })
})
