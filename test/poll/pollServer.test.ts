import type { ServerMessage } from '../../poll/protocol'
import type { TestServer } from './support/testServer'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PROTOCOL_VERSION } from '../../poll/protocol'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

// Each test gets its own server and store, so none depends on the polls another one opened or voted in.
let t: TestServer
const sockets: TestSocket[] = []
beforeEach(async () => {
  t = await startTestServer({ tallyIntervalMs: 20 })
})
afterEach(async () => {
  sockets.splice(0).forEach(socket => socket.close())
  await t.stop()
})

async function participant(device = randomDevice()): Promise<TestSocket> {
  const socket = await TestSocket.participant(t.wsUrl, t.code, device)
  sockets.push(socket)
  return socket
}
async function presenter(): Promise<TestSocket> {
  const socket = await TestSocket.presenter(t.wsUrl, t.token)
  sockets.push(socket)
  return socket
}

/** A phone must never see a tally or an answer before the reveal. */
function leaksBeforeReveal(messages: ServerMessage[]): ServerMessage[] {
  return messages.filter(message => message.type === 'tally' || message.type === 'state'
    || ((message.type === 'poll' || message.type === 'snapshot') && 'poll' in message && message.poll?.reveal))
}

describe('poll server over real sockets', () => {
  it('gives a phone a snapshot on join and the presenter one with the join info and every poll', async () => {
    const phone = await participant()
    expect(phone.received[0]).toEqual({ type: 'snapshot', v: PROTOCOL_VERSION, role: 'participant', session: 'test-session', poll: null })
    const deck = await presenter()
    const snapshot = deck.received[0]
    expect(snapshot).toMatchObject({ type: 'snapshot', role: 'presenter', join: { session: 'test-session', code: t.code }, current: null })
    expect(snapshot?.type === 'snapshot' && snapshot.role === 'presenter' && snapshot.polls.map(poll => poll.status)).toEqual(['draft', 'draft', 'draft'])
    expect(snapshot?.type === 'snapshot' && snapshot.role === 'presenter' && snapshot.participants.connected).toBeGreaterThanOrEqual(1)
  })

  it('runs a poll: open, votes acknowledged after commit, coalesced tallies, close, reveal', async () => {
    const deck = await presenter()
    const alice = await participant()
    const bob = await participant()

    expect(await deck.control('open', 'roadmap-question')).toMatchObject({ type: 'ack' })
    const opened = await alice.next('poll')
    expect(opened.poll).toMatchObject({ id: 'roadmap-question', status: 'open', round: 1, myVotes: [null], reveal: null })

    expect(await alice.vote('roadmap-question', 1, 2)).toMatchObject({ type: 'ack', vote: { poll: 'roadmap-question', round: 1, choice: 2 } })
    // Acknowledged means committed: a second connection to the file already sees it.
    expect(t.storedVotes('roadmap-question')).toBe(1)
    expect(await bob.vote('roadmap-question', 1, 0)).toMatchObject({ type: 'ack' })
    // A repeat is acknowledged again but counted once; a change moves the vote.
    expect(await bob.vote('roadmap-question', 1, 0)).toMatchObject({ type: 'ack' })
    expect(await alice.vote('roadmap-question', 1, 1)).toMatchObject({ type: 'ack' })

    const tally = await deck.next(message => message.type === 'tally' && message.polls.some(poll => poll.rounds[0]?.voters === 2 && poll.rounds[0].counts[1] === 1))
    expect(tally).toMatchObject({ type: 'tally', polls: [{ id: 'roadmap-question', rounds: [{ round: 1, counts: [1, 1, 0], voters: 2 }] }] })
    expect(t.storedVotes('roadmap-question')).toBe(2)

    expect(await deck.control('close', 'roadmap-question')).toMatchObject({ type: 'ack' })
    expect((await alice.next('poll')).poll).toMatchObject({ status: 'closed', reveal: null })
    expect(await alice.vote('roadmap-question', 1, 0)).toMatchObject({ type: 'error', code: 'poll-not-open' })

    expect(leaksBeforeReveal(alice.received)).toEqual([])
    expect(leaksBeforeReveal(bob.received)).toEqual([])
    expect(JSON.stringify(alice.received)).not.toContain('Roadmap calls are')

    expect(await deck.control('reveal', 'roadmap-question')).toMatchObject({ type: 'ack' })
    const revealed = await alice.next('poll')
    expect(revealed.poll).toMatchObject({ status: 'revealed', myVotes: [1], reveal: { answer: 0, rationale: 'Roadmap calls are the product manager\'s.', rounds: [{ counts: [1, 1, 0], voters: 2 }] } })
  })

  it('gives a reconnecting phone its own vote in the snapshot', async () => {
    const device = randomDevice()
    const deck = await presenter()
    await deck.control('open', 'slipping-date')
    const first = await participant(device)
    await first.vote('slipping-date', 1, 1)
    first.close()
    await first.closed
    const again = await participant(device)
    expect(again.received[0]).toMatchObject({ type: 'snapshot', poll: { id: 'slipping-date', status: 'open', myVotes: [1], reveal: null } })
  })

  it('keeps round 1 when the room votes again in round 2', async () => {
    const deck = await presenter()
    const phone = await participant()
    await deck.control('open', 'formula-title')
    await phone.vote('formula-title', 1, 0)
    await deck.control('close', 'formula-title')
    expect(await deck.control('next-round', 'formula-title')).toMatchObject({ type: 'ack' })
    expect((await phone.next(message => message.type === 'poll' && message.poll?.round === 2))).toMatchObject({ poll: { status: 'open', myVotes: [0, null] } })
    expect(await phone.vote('formula-title', 1, 1)).toMatchObject({ type: 'error', code: 'wrong-round' })
    expect(await phone.vote('formula-title', 2, 2)).toMatchObject({ type: 'ack' })
    const state = await deck.control('close', 'formula-title').then(() => deck.next(message => message.type === 'state' && message.polls[0]?.status === 'closed'))
    expect(state).toMatchObject({ polls: [{ id: 'formula-title', round: 2, rounds: [{ round: 1, counts: [1, 0, 0] }, { round: 2, counts: [0, 0, 1] }] }] })
  })

  it('resets a poll to a draft and deletes its votes', async () => {
    const deck = await presenter()
    // An open poll the phones are not shown at the moment.
    await deck.control('open', 'slipping-date')
    await deck.control('select', null)
    const phone = await participant()
    // Show it to the phones again.
    await deck.control('select', 'slipping-date')
    expect((await phone.next('poll')).poll).toMatchObject({ id: 'slipping-date', status: 'open' })
    await phone.vote('slipping-date', 1, 0)
    expect(await deck.control('reset', 'slipping-date')).toMatchObject({ type: 'ack' })
    expect(t.storedVotes('slipping-date')).toBe(0)
    expect((await phone.next(message => message.type === 'poll' && message.poll?.status === 'draft')).type).toBe('poll')
  })

  it('lets the presenter choose which poll the phones show, or none', async () => {
    const deck = await presenter()
    const phone = await participant()
    expect(await deck.control('select', 'roadmap-question')).toMatchObject({ type: 'ack' })
    expect((await phone.next('poll')).poll?.id).toBe('roadmap-question')
    expect(await deck.control('select', null)).toMatchObject({ type: 'ack' })
    expect((await phone.next('poll')).poll).toBeNull()
    expect(await deck.control('select', 'no-such-poll')).toMatchObject({ type: 'error', code: 'unknown-poll' })
  })

  it('tells every presenter (each projector) what the room sees, keeps it over a restart, and tells phones nothing', async () => {
    const own = await startTestServer({ tallyIntervalMs: 20 })
    const { port } = own.server
    const deck = await TestSocket.presenter(own.wsUrl, own.token)
    const projector = await TestSocket.presenter(own.wsUrl, own.token)
    const phone = await TestSocket.participant(own.wsUrl, own.code)
    await deck.control('open', 'roadmap-question')
    await phone.next('poll')
    const id = 'd1'
    deck.send({ type: 'display', id, poll: 'roadmap-question', showResults: true })
    expect(await deck.next(message => message.type === 'ack' && message.id === id)).toMatchObject({ type: 'ack' })
    const state = await projector.next(message => message.type === 'state' && message.polls.some(poll => poll.display.showResults))
    expect(state).toMatchObject({ polls: [{ id: 'roadmap-question', display: { showResults: true, compareRounds: false } }] })
    phone.send({ type: 'display', id: 'd2', poll: 'roadmap-question', showResults: false })
    expect(await phone.next('error')).toMatchObject({ code: 'forbidden', id: 'd2' })
    expect(phone.received.filter(message => message.type === 'poll')).toHaveLength(1)

    await own.server.close()
    const again = await startTestServer({ port, dataDir: own.dataDir })
    try {
      const later = await TestSocket.presenter(again.wsUrl, again.token)
      const snapshot = later.received[0]
      const poll = snapshot?.type === 'snapshot' && snapshot.role === 'presenter' ? snapshot.polls.find(p => p.id === 'roadmap-question') : undefined
      expect(poll?.display).toEqual({ showResults: true, compareRounds: false })
      later.close()
    }
    finally {
      await again.stop()
    }
  })

  it('tells the presenter how many devices are connected', async () => {
    const deck = await presenter()
    const before = deck.received[0]?.type === 'snapshot' && deck.received[0].role === 'presenter' ? deck.received[0].participants.connected : -1
    const device = randomDevice()
    await participant(device)
    await participant(device)
    const tally = await deck.next(message => message.type === 'tally' && message.participants.connected === before + 1)
    expect(tally).toMatchObject({ participants: { connected: before + 1 } })
  })

  it('answers plain HTTP on the WebSocket route with 426 and serves a page and a health check', async () => {
    const ws = await fetch(`${t.httpUrl}/ws`)
    expect(ws.status).toBe(426)
    expect(ws.headers.get('upgrade')).toBe('websocket')
    expect((await fetch(`${t.httpUrl}/healthz`).then(response => response.json()))).toEqual({ ok: true, session: 'test-session' })
    const page = await fetch(`${t.httpUrl}/${t.code}`)
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    expect((await fetch(`${t.httpUrl}/nothing/here`)).status).toBe(404)
  })
})
