import type { PollConnection } from '../../composables/createPollConnection'
import type { WebSocketConstructor } from '../../poll/client'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { createPollConnection } from '../../composables/createPollConnection'
import { openPoll } from '../poll/support/kindDefinitions'
import { startTestServer } from '../poll/support/testServer'
import { TestSocket } from '../poll/support/testSocket'

/** The deck's origin as the browser would send it; Node's fetch sends none by itself. */
const DECK_ORIGIN = 'http://localhost:3030'
const fetchAsDeck: typeof fetch = (input, init) => fetch(input, { ...init, mode: undefined, headers: { origin: DECK_ORIGIN } })
/** `ws` with the deck's Origin header, as a browser socket from the deck would have. */
const DeckSocket = class extends WebSocket {
  constructor(url: string) {
    super(url, { origin: DECK_ORIGIN })
  }
} as unknown as WebSocketConstructor

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse())
    await step()
})

/** Polls the way the old hand-written loop did (every 25 ms, about 5 s in all), naming what it waited for when it gives up. */
const waitFor = (what: string) => ({ timeout: 5_000, interval: 25, message: `timed out waiting for ${what}` })

function connect(serverUrl: string, moderator = false): PollConnection {
  const connection = createPollConnection({ serverUrl, WebSocket: DeckSocket, fetch: fetchAsDeck, deckOrigin: DECK_ORIGIN, moderator })
  cleanup.push(() => connection.close())
  return connection
}

describe('the deck\'s connection to a real poll server', () => {
  it('fetches the presenter token, joins, and follows controls and tallies', async () => {
    const t = await startTestServer({ tallyIntervalMs: 20 })
    cleanup.push(() => t.stop())
    const connection = connect(t.httpUrl)
    expect(connection.status.value).toBe('connecting')
    await vi.waitUntil(() => connection.status.value === 'open', waitFor('open'))
    expect(connection.join.value?.code).toBe(t.code)
    expect([...connection.polls.value.keys()]).toEqual(['roadmap-question', 'slipping-date', 'formula-title'])

    await connection.control('open', 'roadmap-question')
    await vi.waitUntil(() => connection.polls.value.get('roadmap-question')?.status === 'open', waitFor('the poll to open'))
    expect(connection.current.value).toBe('roadmap-question')

    const phone = await TestSocket.participant(t.wsUrl, t.code)
    cleanup.push(() => phone.close())
    await phone.vote('roadmap-question', 1, 1)
    await vi.waitUntil(() => connection.polls.value.get('roadmap-question')?.rounds[0]?.voters === 1, waitFor('the tally'))
    expect(connection.participants.value).toBe(1)
    expect(connection.polls.value.get('roadmap-question')?.rounds[0]?.counts).toEqual([0, 1, 0])

    await connection.hands('roadmap-question', 1, [3, 0, 0])
    await vi.waitUntil(() => connection.polls.value.get('roadmap-question')?.rounds[0]?.voters === 4, waitFor('the show of hands'))

    await expect(connection.control('close', 'no-such-poll')).rejects.toThrow('No poll has this id.')
  })

  it('says plainly when nothing answers, and joins once the server is up', async () => {
    const probe = await startTestServer()
    const url = probe.httpUrl
    const port = probe.server.port
    await probe.stop()
    const connection = connect(url)
    await vi.waitUntil(() => connection.status.value === 'unreachable', waitFor('unreachable'))
    expect(connection.problem.value).toBe(`No poll server answers at ${url}. Start it with npm start (or npm run poll-server), or take a show of hands.`)

    const t = await startTestServer({ port })
    cleanup.push(() => t.stop())
    connection.retry()
    await vi.waitUntil(() => connection.status.value === 'open', waitFor('open after the server started'))
    expect(connection.problem.value).toBe('')
  })

  it('tells a deck on an origin the server does not allow what to do, and accepts a pasted token', async () => {
    const t = await startTestServer({ deckOrigins: ['https://decks.example.com'] })
    cleanup.push(() => t.stop())
    const connection = createPollConnection({ serverUrl: t.httpUrl, WebSocket: DeckSocket, fetch: fetchAsDeck, deckOrigin: DECK_ORIGIN })
    cleanup.push(() => connection.close())
    await vi.waitUntil(() => connection.status.value === 'refused', waitFor('refused'))
    expect(connection.problem.value).toContain(`Start it with --allow-origin ${DECK_ORIGIN}, or paste the token it prints with --show-token.`)

    // A socket from a Node client carries no Origin of a page, so the pasted token is what is tested here.
    const tokenOnly = createPollConnection({ serverUrl: t.httpUrl, WebSocket: WebSocket as unknown as WebSocketConstructor, fetch: fetchAsDeck })
    cleanup.push(() => tokenOnly.close())
    await vi.waitUntil(() => tokenOnly.status.value === 'refused', waitFor('refused'))
    tokenOnly.useToken(`  ${t.token} `)
    await vi.waitUntil(() => tokenOnly.status.value === 'open', waitFor('open with the pasted token'))
  })

  it('reports a dropped link and recovers when the server comes back on the same port', async () => {
    let t = await startTestServer()
    const connection = createPollConnection({ serverUrl: t.httpUrl, WebSocket: DeckSocket, fetch: fetchAsDeck, random: () => 0 })
    cleanup.push(() => connection.close())
    await vi.waitUntil(() => connection.status.value === 'open', waitFor('open'))
    expect(connection.downSince.value).toBeNull()
    const { port } = t.server
    const { dataDir } = t
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    await t.server.close()
    await vi.waitUntil(() => connection.status.value === 'reconnecting', waitFor('reconnecting'))
    expect(connection.problem.value).toContain('reconnecting')
    // The slides time their grace period from this moment.
    expect(Date.now() - connection.downSince.value!).toBeLessThan(5_000)
    t = await startTestServer({ port, dataDir })
    cleanup.push(() => t.stop())
    await vi.waitUntil(() => connection.status.value === 'open', waitFor('open again'))
    expect(connection.downSince.value).toBeNull()
  })

  it('moderates from the presenter\'s screen only: its hello says moderator, a projector\'s does not', async () => {
    const t = await startTestServer({ definitions: [openPoll] })
    cleanup.push(() => t.stop())
    const presenter = connect(t.httpUrl, true)
    const projector = connect(t.httpUrl)
    await vi.waitUntil(() => presenter.status.value === 'open' && projector.status.value === 'open', waitFor('both open'))
    await presenter.control('open', openPoll.id)
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    cleanup.push(() => phone.close())
    phone.send({ type: 'answer', id: 'a1', poll: openPoll.id, round: 1, text: 'Planning' })
    await phone.next(message => message.type === 'ack' && message.id === 'a1')

    const groups = (connection: PollConnection) => connection.polls.value.get(openPoll.id)?.answers?.[0]?.groups ?? []
    await vi.waitUntil(() => groups(presenter).length === 1, waitFor('the queue'))
    expect(groups(presenter)).toEqual([{ key: 'planning', text: 'Planning', count: 1, status: 'pending', flagged: false }])
    expect(groups(projector)).toEqual([])
    await expect(projector.moderate(openPoll.id, ['planning'], 'approved')).rejects.toThrow()

    await presenter.moderate(openPoll.id, 'pending', 'approved')
    await vi.waitUntil(() => groups(projector).length === 1, waitFor('the approved answer on the projector'))
    expect(groups(projector)).toEqual([{ key: 'planning', text: 'Planning', count: 1 }])

    // A tab that leaves the presenter route says hello again, without moderator.
    presenter.setModerator(false)
    await vi.waitUntil(() => presenter.status.value === 'open' && groups(presenter)[0]?.status === undefined, waitFor('the projector\'s view'))
    expect(presenter.moderator.value).toBe(false)
  })
})
