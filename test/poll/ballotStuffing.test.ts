import type { ServerMessage } from '../../poll/protocol'
import type { TestServer } from './support/testServer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PROTOCOL_VERSION } from '../../poll/protocol'
import { buildSessionResults } from '../../poll/results/sessionResults'
import { PollStore } from '../../poll/store/pollStore'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

// Every socket here comes from 127.0.0.1; these servers do not exempt it, so it plays a
// venue NAT, a proxy's client, or one laptop inventing device ids.
const POLL = 'roadmap-question'
let t: TestServer | undefined
const sockets: TestSocket[] = []
afterEach(async () => {
  sockets.splice(0).forEach(socket => socket.ws.terminate())
  await t?.stop()
  t = undefined
})

/** Says hello as a new device; resolves with the snapshot, or the error that refused it. */
async function join(url: string, code: string, options: { headers?: Record<string, string>, device?: string } = {}): Promise<{ socket: TestSocket, answer: ServerMessage }> {
  const socket = await TestSocket.open(url, { headers: options.headers })
  sockets.push(socket)
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'participant', device: options.device ?? randomDevice(), code })
  return { socket, answer: await socket.next(message => message.type === 'snapshot' || message.type === 'error') }
}

async function request(socket: TestSocket, message: object): Promise<ServerMessage> {
  const id = `r${Math.random().toString(36).slice(2, 10)}`
  socket.send({ ...message, id })
  return socket.next(reply => (reply.type === 'ack' || reply.type === 'error') && reply.id === id)
}

function results(server: TestServer) {
  const store = PollStore.open(server.dataDir, { readonly: true })
  try {
    return buildSessionResults(store, server.server.join.session).polls.find(poll => poll.id === POLL)
  }
  finally {
    store.close()
  }
}

describe('one device, one vote', () => {
  it('caps 500 invented devices from one address, shows the presenter, and excludes their votes on request', async () => {
    t = await startTestServer({ deviceAdmission: { burst: 40, perMinute: 1, warnAt: 20, exemptLoopback: false } })
    const presenter = await TestSocket.presenter(t.wsUrl, t.token)
    sockets.push(presenter)
    expect(await request(presenter, { type: 'control', action: 'open', poll: POLL })).toMatchObject({ type: 'ack' })

    const joined: TestSocket[] = []
    const refusals: string[] = []
    for (let i = 0; i < 500; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, () => join(t!.wsUrl, t!.code)))
      for (const { socket, answer } of batch) {
        if (answer.type === 'snapshot')
          joined.push(socket)
        else if (answer.type === 'error')
          refusals.push(`${answer.code}: ${answer.message}`)
      }
    }
    expect(joined).toHaveLength(40)
    expect(refusals).toHaveLength(460)
    expect(refusals[0]).toMatch(/^too-many-devices: Too many new phones from this network at once; try again in \d+ s\.$/)

    // The presenter still gets in, and sees the crowded address.
    const watcher = await TestSocket.presenter(t.wsUrl, t.token)
    sockets.push(watcher)
    const snapshot = watcher.received[0]
    expect(snapshot?.type === 'snapshot' && snapshot.role === 'presenter' && snapshot.participants.crowded).toEqual([{ address: '127.0.0.1', devices: 40, excluded: false }])

    await Promise.all(joined.map(socket => request(socket, { type: 'vote', poll: POLL, round: 1, choice: 1 })))
    expect(results(t)?.rounds[0]).toMatchObject({ voters: 40, excludedVotes: 0 })

    const sinceExclude = presenter.received.length
    expect(await request(presenter, { type: 'exclude', address: '127.0.0.1' })).toMatchObject({ type: 'ack' })
    // Tallies are coalesced and the ack waits for the commit, so on a busy machine the tally may come first.
    const excludedTally = () => presenter.received.slice(sinceExclude).find(message => message.type === 'tally' && message.participants.crowded?.[0]?.excluded === true)
    const tally = await vi.waitUntil(excludedTally, { timeout: 5000 })
    expect(tally.type === 'tally' && tally.participants.crowded).toEqual([{ address: '127.0.0.1', devices: 40, excluded: true }])
    const states = presenter.received.filter(message => message.type === 'state')
    const state = states.at(-1)
    expect(state?.type === 'state' && state.polls.find(poll => poll.id === POLL)?.rounds[0]?.voters).toBe(0)

    // Kept in the store, marked, and reported; no longer counted, also after a restart.
    expect(t.storedVotes(POLL)).toBe(40)
    expect(results(t)?.rounds[0]).toMatchObject({ voters: 0, counts: [0, 0, 0], excludedVotes: 40 })
    expect(await request(joined[0]!, { type: 'vote', poll: POLL, round: 1, choice: 2 })).toMatchObject({ type: 'error', code: 'excluded' })
    expect((await join(t.wsUrl, t.code)).answer).toMatchObject({ type: 'error', code: 'excluded' })

    const { dataDir } = t
    sockets.splice(0).forEach(socket => socket.ws.terminate())
    await t.server.close()
    t = await startTestServer({ dataDir })
    const afterRestart = await TestSocket.presenter(t.wsUrl, t.token)
    sockets.push(afterRestart)
    const restored = afterRestart.received[0]
    expect(restored?.type === 'snapshot' && restored.role === 'presenter' && restored.polls.find(poll => poll.id === POLL)?.rounds[0]?.voters).toBe(0)
  })

  it('never refuses a room of 300 phones behind one NAT, with the default limits', async () => {
    t = await startTestServer({ deviceAdmission: { exemptLoopback: false } })
    const answers = await Promise.all(Array.from({ length: 300 }, () => join(t!.wsUrl, t!.code)))
    expect(answers.filter(({ answer }) => answer.type !== 'snapshot')).toEqual([])
  })

  it('tells phones apart behind a trusted proxy by X-Forwarded-For, and ignores that header from anyone else', async () => {
    t = await startTestServer({ deviceAdmission: { burst: 2, perMinute: 1, warnAt: 2, exemptLoopback: false }, trustedProxies: ['127.0.0.1'] })
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
      expect((await join(t.wsUrl, t.code, { headers: { 'X-Forwarded-For': address } })).answer.type).toBe('snapshot')
    expect((await join(t.wsUrl, t.code, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).answer.type).toBe('snapshot')
    expect((await join(t.wsUrl, t.code, { headers: { 'X-Forwarded-For': '198.51.100.1' } })).answer).toMatchObject({ type: 'error', code: 'too-many-devices' })
    await t.stop()

    t = await startTestServer({ deviceAdmission: { burst: 2, perMinute: 1, exemptLoopback: false } })
    const spoofed = await Promise.all(['203.0.113.1', '203.0.113.2', '203.0.113.3'].map(address => join(t!.wsUrl, t!.code, { headers: { 'X-Forwarded-For': address } })))
    expect(spoofed.map(({ answer }) => answer.type)).toEqual(expect.arrayContaining(['snapshot', 'snapshot', 'error']))
  })
})
