import { describe, expect, it } from 'vitest'
import { PollMachine } from '../../poll/pollMachine'
import { participantPoll } from '../../poll/pollViews'
import { participantPollMessages } from '../../poll/server/participantFanout'
import { SlicedQueue } from '../../poll/server/slicedQueue'
import { definitions } from './support/definitions'
import { openPoll } from './support/kindDefinitions'

const nextTurn = () => new Promise(resolve => setImmediate(resolve))

describe('sliced queue', () => {
  it('runs at most one slice per event-loop turn, in arrival order', async () => {
    const ran: number[] = []
    const slices: number[] = []
    const queue = new SlicedQueue<number>(item => ran.push(item), 3, () => slices.push(ran.length))
    for (let i = 0; i < 8; i++)
      queue.push(i)
    expect(ran).toEqual([])
    await nextTurn()
    expect(ran).toEqual([0, 1, 2])
    await nextTurn()
    await nextTurn()
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(slices).toEqual([3, 6, 8])
    expect(queue.size).toBe(0)
  })

  it('runs urgent items (the presenter\'s) before the rest of the queue', async () => {
    const ran: string[] = []
    const queue = new SlicedQueue<string>(item => ran.push(item), 2)
    for (let i = 0; i < 5; i++)
      queue.push(`vote ${i}`)
    await nextTurn()
    queue.push('show results', true)
    await nextTurn()
    expect(ran).toEqual(['vote 0', 'vote 1', 'show results', 'vote 2'])
  })

  it('drains everything at once on shutdown', () => {
    const ran: number[] = []
    const queue = new SlicedQueue<number>(item => ran.push(item), 2)
    for (let i = 0; i < 7; i++)
      queue.push(i, i === 6)
    queue.drain()
    expect(ran).toEqual([6, 0, 1, 2, 3, 4, 5])
  })
})

describe('participant fan-out', () => {
  it('gives each device exactly the message a per-device serialisation would', () => {
    const machine = new PollMachine(definitions)
    const poll = definitions[2]!.id
    expect(machine.apply({ kind: 'control', action: 'open', poll }).ok).toBe(true)
    machine.apply({ kind: 'vote', device: 'dev-a', poll, round: 1, choice: 2 })
    machine.apply({ kind: 'vote', device: 'dev-b', poll, round: 1, choice: 0 })
    const record = machine.poll(poll)!
    const messageFor = participantPollMessages(record)
    for (const device of ['dev-a', 'dev-b', 'dev-c'])
      expect(messageFor(device)).toBe(JSON.stringify({ type: 'poll', poll: participantPoll(record, device) }))
    expect(JSON.parse(messageFor('dev-a')).poll.myVotes).toEqual([2])
  })

  it('gives each phone its own open answers, and the same JSON as its own view', () => {
    const machine = new PollMachine([openPoll])
    machine.apply({ kind: 'control', action: 'open', poll: openPoll.id })
    machine.apply({ kind: 'answer', device: 'dev-a', poll: openPoll.id, round: 1, text: 'Planning' })
    machine.apply({ kind: 'answer', device: 'dev-b', poll: openPoll.id, round: 1, text: 'Risk "and" <b>' })
    const record = machine.poll(openPoll.id)!
    const messageFor = participantPollMessages(record)
    for (const device of ['dev-a', 'dev-b', 'dev-c'])
      expect(messageFor(device)).toBe(JSON.stringify({ type: 'poll', poll: participantPoll(record, device) }))
    expect(JSON.parse(messageFor('dev-b')).poll.myAnswers).toEqual([['Risk "and" <b>']])
  })

  it('sends the waiting screen when no poll is current', () => {
    expect(participantPollMessages(undefined)('dev-a')).toBe('{"type":"poll","poll":null}')
  })
})
