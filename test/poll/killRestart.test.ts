import type { ServerMessage } from '../../poll/protocol'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { socketUrl } from '../../poll/protocol'
import { PollStore } from '../../poll/store/pollStore'
import { startChildServer } from './support/childServer'
import { randomDevice, TestSocket } from './support/testSocket'

const dataDir = mkdtempSync(join(tmpdir(), 'poll-crash-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

const POLL = 'fixture-roadmap-question'

describe('kill -9 and restart', () => {
  it('loses no acknowledged vote, and resumes the session with its polls, rounds and join code', async () => {
    const first = await startChildServer(dataDir)
    const url = socketUrl(`http://127.0.0.1:${first.port}`)
    const deck = await TestSocket.presenter(url, first.token)
    const join = deck.received[0]?.type === 'snapshot' && deck.received[0].role === 'presenter' ? deck.received[0].join : undefined
    await deck.control('open', POLL)
    await deck.control('close', POLL)
    await deck.control('next-round', POLL)

    // 40 phones vote at once; the server is killed as soon as the first acks arrive.
    const phones = await Promise.all(Array.from({ length: 40 }, () => randomDevice()).map(async device => ({ device, socket: await TestSocket.participant(url, join!.code, device) })))
    const acked = new Map<string, number>()
    phones.forEach(({ device, socket }, index) => {
      socket.ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as ServerMessage
        if (message.type === 'ack' && message.vote)
          acked.set(device, message.vote.choice)
      })
      socket.send({ type: 'vote', id: `v${index}`, poll: POLL, round: 2, choice: index % 2 })
    })
    await phones[0]!.socket.next(message => message.type === 'ack' || message.type === 'error')
    first.child.kill('SIGKILL')
    await first.exited
    const ackedBeforeKill = new Map(acked)
    expect(ackedBeforeKill.size).toBeGreaterThan(0)

    // Every acknowledged vote is on disk.
    const store = PollStore.open(dataDir, { readonly: true })
    const state = store.loadState('crash-test')
    store.close()
    const stored = new Map(state.votes.filter(vote => vote.round === 2).map(vote => [vote.device, vote.choice]))
    for (const [device, choice] of ackedBeforeKill)
      expect(stored.get(device)).toBe(choice)

    const second = await startChildServer(dataDir, first.port)
    try {
      const deckAgain = await TestSocket.presenter(url, second.token)
      const snapshot = deckAgain.received[0]
      expect(snapshot).toMatchObject({ type: 'snapshot', role: 'presenter', join, current: POLL })
      const poll = snapshot?.type === 'snapshot' && snapshot.role === 'presenter' ? snapshot.polls.find(p => p.id === POLL) : undefined
      expect(poll).toMatchObject({ status: 'open', round: 2 })
      expect(poll?.rounds).toHaveLength(2)
      expect(poll?.rounds[1]?.voters).toBe(stored.size)

      // A phone that reconnects finds its acknowledged vote.
      const [device, choice] = [...ackedBeforeKill][0]!
      const phone = await TestSocket.participant(url, join!.code, device)
      expect(phone.received[0]).toMatchObject({ type: 'snapshot', poll: { id: POLL, round: 2, myVotes: [null, choice] } })
      phone.close()
      deckAgain.close()
    }
    finally {
      second.child.kill('SIGTERM')
      await second.exited
    }
  }, 30_000)
})
