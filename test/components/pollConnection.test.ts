import type { PollConnection } from '../../composables/createPollConnection'
import type { WebSocketConstructor } from '../../poll/client'
import type { TestServer } from '../poll/support/testServer'
import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import WebSocket from 'ws'
import { createPollConnection } from '../../composables/createPollConnection'
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

async function until(check: () => boolean, what: string): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200)
      throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
  await nextTick()
}

function connect(serverUrl: string): PollConnection {
  const connection = createPollConnection({ serverUrl, WebSocket: DeckSocket, fetch: fetchAsDeck, deckOrigin: DECK_ORIGIN })
  cleanup.push(() => connection.close())
  return connection
}

describe('the deck\'s connection to a real poll server', () => {
  let t: TestServer

  it('fetches the presenter token, joins, and follows controls and tallies', async () => {
    t = await startTestServer({ tallyIntervalMs: 20 })
    cleanup.push(() => t.stop())
    const connection = connect(t.httpUrl)
    expect(connection.status.value).toBe('connecting')
    await until(() => connection.status.value === 'open', 'open')
    expect(connection.join.value?.code).toBe(t.code)
    expect([...connection.polls.value.keys()]).toEqual(['roadmap-question', 'slipping-date', 'formula-title'])

    await connection.control('open', 'roadmap-question')
    await until(() => connection.polls.value.get('roadmap-question')?.status === 'open', 'the poll to open')
    expect(connection.current.value).toBe('roadmap-question')

    const phone = await TestSocket.participant(t.wsUrl, t.code)
    cleanup.push(() => phone.close())
    await phone.vote('roadmap-question', 1, 1)
    await until(() => connection.polls.value.get('roadmap-question')?.rounds[0]?.voters === 1, 'the tally')
    expect(connection.participants.value).toBe(1)
    expect(connection.polls.value.get('roadmap-question')?.rounds[0]?.counts).toEqual([0, 1, 0])

    await connection.hands('roadmap-question', 1, [3, 0, 0])
    await until(() => connection.polls.value.get('roadmap-question')?.rounds[0]?.voters === 4, 'the show of hands')

    await expect(connection.control('close', 'no-such-poll')).rejects.toThrow('No poll has this id.')
  })

  it('says plainly when nothing answers, and joins once the server is up', async () => {
    const probe = await startTestServer()
    const url = probe.httpUrl
    const port = probe.server.port
    await probe.stop()
    const connection = connect(url)
    await until(() => connection.status.value === 'unreachable', 'unreachable')
    expect(connection.problem.value).toBe(`No poll server answers at ${url}. Start it with npm start (or npm run poll-server), or take a show of hands.`)

    t = await startTestServer({ port })
    cleanup.push(() => t.stop())
    connection.retry()
    await until(() => connection.status.value === 'open', 'open after the server started')
    expect(connection.problem.value).toBe('')
  })

  it('tells a deck on an origin the server does not allow what to do, and accepts a pasted token', async () => {
    t = await startTestServer({ deckOrigins: ['https://decks.example.com'] })
    cleanup.push(() => t.stop())
    const connection = createPollConnection({ serverUrl: t.httpUrl, WebSocket: DeckSocket, fetch: fetchAsDeck, deckOrigin: DECK_ORIGIN })
    cleanup.push(() => connection.close())
    await until(() => connection.status.value === 'refused', 'refused')
    expect(connection.problem.value).toContain(`Start it with --allow-origin ${DECK_ORIGIN}, or paste the token it prints with --show-token.`)

    // A socket from a Node client carries no Origin of a page, so the pasted token is what is tested here.
    const tokenOnly = createPollConnection({ serverUrl: t.httpUrl, WebSocket: WebSocket as unknown as WebSocketConstructor, fetch: fetchAsDeck })
    cleanup.push(() => tokenOnly.close())
    await until(() => tokenOnly.status.value === 'refused', 'refused')
    tokenOnly.useToken(`  ${t.token} `)
    await until(() => tokenOnly.status.value === 'open', 'open with the pasted token')
  })

  it('reports a dropped link and recovers when the server comes back on the same port', async () => {
    t = await startTestServer()
    const connection = createPollConnection({ serverUrl: t.httpUrl, WebSocket: DeckSocket, fetch: fetchAsDeck, random: () => 0 })
    cleanup.push(() => connection.close())
    await until(() => connection.status.value === 'open', 'open')
    expect(connection.downSince.value).toBeNull()
    const { port } = t.server
    const { dataDir } = t
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }))
    await t.server.close()
    await until(() => connection.status.value === 'reconnecting', 'reconnecting')
    expect(connection.problem.value).toContain('reconnecting')
    // The slides time their grace period from this moment.
    expect(Date.now() - connection.downSince.value!).toBeLessThan(5_000)
    t = await startTestServer({ port, dataDir })
    cleanup.push(() => t.stop())
    await until(() => connection.status.value === 'open', 'open again')
    expect(connection.downSince.value).toBeNull()
  })
})
