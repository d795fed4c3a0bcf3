import type { Command } from '../../poll/pollMachine'
import type { ControlAction, PollStatus } from '../../poll/protocol'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PollMachine } from '../../poll/pollMachine'
import { participantPoll, presenterPoll, roundTallies } from '../../poll/pollViews'
import { controlActions } from '../../poll/protocol'
import { definitions } from './support/definitions'

const [roadmap] = definitions as [typeof definitions[number]]

function machineWith(...commands: Command[]): PollMachine {
  const machine = new PollMachine(definitions)
  for (const command of commands)
    expect(machine.apply(command)).toMatchObject({ ok: true })
  return machine
}

const open = (poll = roadmap.id): Command => ({ kind: 'control', action: 'open', poll })
const control = (action: ControlAction, poll = roadmap.id): Command => ({ kind: 'control', action, poll })
const vote = (device: string, choice: number, round = 1, poll = roadmap.id): Command => ({ kind: 'vote', device, poll, round, choice })

describe('poll machine', () => {
  it('starts every library poll as a draft in round 1 with nothing selected', () => {
    const machine = new PollMachine(definitions)
    expect(machine.polls().map(poll => [poll.definition.id, poll.status, poll.round])).toEqual(definitions.map(d => [d.id, 'draft', 1]))
    expect(machine.current).toBeNull()
  })

  it('walks draft → open → closed → revealed and selects the poll it opens', () => {
    const machine = machineWith(open(), control('close'), control('reveal'))
    expect(machine.poll(roadmap.id)?.status).toBe('revealed')
    expect(machine.current).toBe(roadmap.id)
  })

  it('refuses transitions the lifecycle does not allow, changing nothing', () => {
    const machine = new PollMachine(definitions)
    expect(machine.apply(control('close'))).toMatchObject({ ok: false, code: 'bad-transition' })
    expect(machine.apply(control('reveal'))).toMatchObject({ ok: false, code: 'bad-transition' })
    expect(machine.apply(control('next-round'))).toMatchObject({ ok: false, code: 'bad-transition' })
    expect(machine.poll(roadmap.id)?.status).toBe('draft')
  })

  it('counts one vote per device and lets a device change it while open', () => {
    const machine = machineWith(open(), vote('a', 0), vote('b', 0), vote('a', 2))
    expect(machine.apply(vote('b', 0))).toMatchObject({ ok: true, effect: { changed: false } })
    expect(roundTallies(machine.poll(roadmap.id)!)).toEqual([{ round: 1, counts: [1, 0, 1], voters: 2 }])
  })

  it('refuses votes for unknown polls, closed polls, other rounds and missing choices', () => {
    const machine = machineWith(open())
    expect(machine.apply(vote('a', 0, 1, 'no-such-poll'))).toMatchObject({ ok: false, code: 'unknown-poll' })
    expect(machine.apply(vote('a', 3))).toMatchObject({ ok: false, code: 'bad-choice' })
    expect(machine.apply(vote('a', 0, 2))).toMatchObject({ ok: false, code: 'wrong-round' })
    machine.apply(control('close'))
    expect(machine.apply(vote('a', 0))).toMatchObject({ ok: false, code: 'poll-not-open' })
    expect(roundTallies(machine.poll(roadmap.id)!)[0]?.voters).toBe(0)
  })

  it('keeps round 1 when round 2 opens, and allows at most two rounds', () => {
    const machine = machineWith(open(), vote('a', 0), vote('b', 1), control('close'), control('next-round'), vote('a', 1, 2))
    expect(roundTallies(machine.poll(roadmap.id)!)).toEqual([
      { round: 1, counts: [1, 1, 0], voters: 2 },
      { round: 2, counts: [0, 1, 0], voters: 1 },
    ])
    machine.apply(control('reveal'))
    expect(machine.apply(control('next-round'))).toMatchObject({ ok: false, code: 'bad-transition' })
  })

  it('resets to a draft with no votes in any round', () => {
    const machine = machineWith(open(), vote('a', 0), control('close'), control('next-round'), vote('a', 1, 2), control('reset'))
    const record = machine.poll(roadmap.id)!
    expect([record.status, record.round, roundTallies(record)]).toEqual(['draft', 1, [{ round: 1, counts: [0, 0, 0], voters: 0 }]])
  })

  it('selects a poll, or none, for the phones', () => {
    const machine = machineWith({ kind: 'select', poll: 'slipping-date' })
    expect(machine.current).toBe('slipping-date')
    expect(machine.apply({ kind: 'select', poll: 'nope' })).toMatchObject({ ok: false, code: 'unknown-poll' })
    machine.apply({ kind: 'select', poll: null })
    expect(machine.current).toBeNull()
  })

  it('restores exactly what it was from stored state', () => {
    const machine = new PollMachine(definitions, {
      current: roadmap.id,
      polls: [{ definition: roadmap, status: 'closed', round: 2, display: { showResults: false, compareRounds: true } }],
      votes: [{ poll: roadmap.id, round: 1, device: 'a', choice: 2 }, { poll: roadmap.id, round: 2, device: 'a', choice: 0 }],
    })
    expect(presenterPoll(machine.poll(roadmap.id)!)).toEqual({
      id: roadmap.id,
      kind: 'choice',
      status: 'closed',
      round: 2,
      answer: 0,
      rounds: [{ round: 1, counts: [0, 0, 1], voters: 1 }, { round: 2, counts: [1, 0, 0], voters: 1 }],
      display: { showResults: false, compareRounds: true },
    })
  })

  it('keeps what the room sees: results shown until round 2 starts, everything hidden again after a reset', () => {
    const machine = machineWith(open(), vote('a', 1))
    expect(machine.apply({ kind: 'display', poll: roadmap.id, patch: { showResults: true } })).toMatchObject({ ok: true, effect: { kind: 'display' } })
    machine.apply({ kind: 'display', poll: roadmap.id, patch: { compareRounds: true } })
    expect(machine.poll(roadmap.id)!.display).toEqual({ showResults: true, compareRounds: true })
    machine.apply(control('close'))
    machine.apply(control('next-round'))
    expect(machine.poll(roadmap.id)!.display).toEqual({ showResults: false, compareRounds: true })
    machine.apply(control('reset'))
    expect(machine.poll(roadmap.id)!.display).toEqual({ showResults: false, compareRounds: false })
    expect(machine.apply({ kind: 'display', poll: 'no-such-poll', patch: { showResults: true } })).toMatchObject({ ok: false, code: 'unknown-poll' })
  })
})

describe('poll views', () => {
  it('give a phone its own votes but no answer and no tally before the reveal', () => {
    const machine = machineWith(open(), vote('a', 1), vote('b', 0))
    const view = participantPoll(machine.poll(roadmap.id)!, 'a')
    expect(view.myVotes).toEqual([1])
    expect(view.reveal).toBeNull()
    expect(JSON.stringify(view)).not.toContain(roadmap.rationale)
    machine.apply(control('reveal'))
    expect(participantPoll(machine.poll(roadmap.id)!, 'a').reveal).toEqual({
      answer: 0,
      rationale: roadmap.rationale,
      debrief: roadmap.debrief,
      rounds: [{ round: 1, counts: [1, 1, 0], voters: 2 }],
    })
  })
})

// ---- Model-based: random command sequences against a plain model ----------------------

interface ModelPoll { status: PollStatus, round: number, votes: Map<string, number>[] }
interface Model { polls: Map<string, ModelPoll> }

const devices = ['d1', 'd2', 'd3', 'd4', 'd5']
const pollIds = [...definitions.map(d => d.id), 'unknown-poll']
const allowedFrom: Record<Exclude<ControlAction, 'reset'>, PollStatus[]> = {
  'open': ['draft', 'closed'],
  'close': ['open'],
  'reveal': ['open', 'closed'],
  'next-round': ['closed', 'revealed'],
}
const target: Record<Exclude<ControlAction, 'reset'>, PollStatus> = { 'open': 'open', 'close': 'closed', 'reveal': 'revealed', 'next-round': 'open' }

/** What the model says a command should do; mutates the model when it succeeds. */
function expectedOutcome(model: Model, command: Command): boolean {
  if (command.kind === 'select')
    return command.poll === null || model.polls.has(command.poll)
  if (command.kind === 'exclude')
    throw new Error('Exclusions are not generated here; they have their own tests.')
  const poll = model.polls.get(command.poll)
  if (!poll)
    return false
  if (command.kind === 'vote') {
    const choices = definitions.find(d => d.id === command.poll)!.choices.length
    if (poll.status !== 'open' || command.round !== poll.round || command.choice >= choices)
      return false
    poll.votes[poll.round - 1]!.set(command.device, command.choice)
    return true
  }
  if (command.kind !== 'control')
    throw new Error('Shows of hands, display changes and other kinds\' commands are not generated here; they have their own tests.')
  if (command.action === 'reset') {
    model.polls.set(command.poll, { status: 'draft', round: 1, votes: [new Map()] })
    return true
  }
  if (!allowedFrom[command.action].includes(poll.status) || (command.action === 'next-round' && poll.round >= 2))
    return false
  if (command.action === 'next-round') {
    poll.round++
    poll.votes.push(new Map())
  }
  poll.status = target[command.action]
  return true
}

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('vote' as const), device: fc.constantFrom(...devices), poll: fc.constantFrom(...pollIds), round: fc.constantFrom(1, 2), choice: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('control' as const), action: fc.constantFrom(...controlActions), poll: fc.constantFrom(...pollIds) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('select' as const), poll: fc.option(fc.constantFrom(...pollIds), { nil: null }) }) },
)

describe('poll machine against a model (fast-check)', () => {
  it('keeps every tally equal to the number of distinct devices with a vote, through any sequence', () => {
    fc.assert(fc.property(fc.array(commandArbitrary, { maxLength: 80 }), (commands) => {
      const machine = new PollMachine(definitions)
      const model: Model = { polls: new Map(definitions.map(d => [d.id, { status: 'draft', round: 1, votes: [new Map()] }])) }
      for (const command of commands) {
        const ok = expectedOutcome(model, command)
        expect(machine.apply(command).ok).toBe(ok)
        for (const [id, expected] of model.polls) {
          const record = machine.poll(id)!
          expect([record.status, record.round]).toEqual([expected.status, expected.round])
          roundTallies(record).forEach((tally, index) => {
            const votes = expected.votes[index]!
            expect(tally.voters).toBe(votes.size)
            expect(tally.counts.reduce((sum, n) => sum + n, 0)).toBe(votes.size)
            tally.counts.forEach((count, choice) => expect(count).toBe([...votes.values()].filter(c => c === choice).length))
          })
        }
      }
    }), { numRuns: 300 })
  })

  it('changes nothing when a command is refused', () => {
    fc.assert(fc.property(fc.array(commandArbitrary, { maxLength: 40 }), commandArbitrary, (setup, command) => {
      const machine = new PollMachine(definitions)
      setup.forEach(step => machine.apply(step))
      const before = JSON.stringify([machine.current, machine.polls().map(record => presenterPoll(record))])
      if (!machine.apply(command).ok)
        expect(JSON.stringify([machine.current, machine.polls().map(record => presenterPoll(record))])).toBe(before)
    }), { numRuns: 300 })
  })
})
