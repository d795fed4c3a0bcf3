import type { ServerMessage } from '../../poll/protocol'
import type { MessageSocket } from '../../poll/server/send'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PollHub } from '../../poll/server/pollHub'
import { PollStore } from '../../poll/store/pollStore'
import { definitions } from './support/definitions'

/** Just enough of a socket for the hub: open, and records what it is sent. */
function fakeSocket(): MessageSocket & { messages: ServerMessage[] } {
  const messages: ServerMessage[] = []
  return { readyState: 1, messages, send: (data: string) => void messages.push(JSON.parse(data) as ServerMessage) }
}

const flush = () => new Promise(resolve => setImmediate(resolve))

let dataDir: string
let store: PollStore
let hub: PollHub
const errors: unknown[] = []
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'poll-hub-'))
  store = PollStore.open(dataDir)
  store.openSession('s1', () => 'ABCDE')
  hub = new PollHub({ store, sessionId: 's1', definitions, join: { session: 's1', code: 'ABCDE', url: 'http://x/ABCDE' }, tallyIntervalMs: 10, commitWindowMs: 0, onError: error => errors.push(error) })
})
afterEach(() => {
  hub.close()
  store.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('poll hub', () => {
  it('commits votes that arrive together in one transaction, then acknowledges each', async () => {
    const deck = fakeSocket()
    hub.addPresenter(deck)
    hub.submit(deck, 'c1', { kind: 'control', action: 'open', poll: 'roadmap-question' })
    await flush()
    const phones = Array.from({ length: 50 }, () => fakeSocket())
    let transactions = 0
    const transaction = store.transaction.bind(store)
    store.transaction = (fn) => {
      transactions++
      return transaction(fn)
    }
    phones.forEach((phone, index) => hub.submit(phone, `v${index}`, { kind: 'vote', device: `device-${index}`.padEnd(16, 'x'), poll: 'roadmap-question', round: 1, choice: index % 3 }))
    expect(phones.every(phone => phone.messages.length === 0)).toBe(true)
    await flush()
    expect(transactions).toBe(1)
    expect(phones.map(phone => phone.messages[0]?.type)).toEqual(phones.map(() => 'ack'))
    expect(store.countVotes('s1')).toBe(50)
  })

  it('refuses the whole batch and keeps memory in step with disk when a commit fails', async () => {
    const deck = fakeSocket()
    const phone = fakeSocket()
    hub.addPresenter(deck)
    hub.submit(deck, 'c1', { kind: 'control', action: 'open', poll: 'roadmap-question' })
    await flush()
    const persist = store.persist.bind(store)
    store.persist = () => {
      throw new Error('disk I/O error')
    }
    hub.submit(phone, 'v1', { kind: 'vote', device: 'a'.repeat(16), poll: 'roadmap-question', round: 1, choice: 1 })
    await flush()
    expect(phone.messages).toEqual([{ type: 'error', code: 'server-error', message: expect.any(String), id: 'v1' }])
    expect(errors).toHaveLength(1)

    store.persist = persist
    const observer = fakeSocket()
    hub.addPresenter(observer)
    const snapshot = observer.messages[0]
    expect(snapshot?.type === 'snapshot' && snapshot.role === 'presenter' && snapshot.polls[0]?.rounds[0]?.voters).toBe(0)
    hub.submit(phone, 'v2', { kind: 'vote', device: 'a'.repeat(16), poll: 'roadmap-question', round: 1, choice: 1 })
    await flush()
    expect(phone.messages.at(-1)).toMatchObject({ type: 'ack', id: 'v2' })
  })

  it('sends presenters one coalesced tally for many votes', async () => {
    const deck = fakeSocket()
    hub.addPresenter(deck)
    hub.submit(deck, 'c1', { kind: 'control', action: 'open', poll: 'roadmap-question' })
    await flush()
    for (let index = 0; index < 30; index++)
      hub.submit(fakeSocket(), `v${index}`, { kind: 'vote', device: `d${index}`.padEnd(16, 'x'), poll: 'roadmap-question', round: 1, choice: 0 })
    await flush()
    await vi.waitUntil(() => deck.messages.some(message => message.type === 'tally'), { timeout: 5000, interval: 5, message: 'waiting for a tally' })
    const tallies = deck.messages.filter(message => message.type === 'tally')
    expect(tallies).toEqual([{ type: 'tally', participants: { connected: 0, crowded: [] }, polls: [{ id: 'roadmap-question', rounds: [{ round: 1, counts: [30, 0, 0], voters: 30 }] }] }])
  })
})
