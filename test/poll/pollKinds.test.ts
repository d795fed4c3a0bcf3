import type { Command } from '../../poll/pollMachine'
import { describe, expect, it } from 'vitest'
import { pollDefinitionSchema } from '../../poll/pollDefinition'
import { PollMachine } from '../../poll/pollMachine'
import { participantPoll, presenterPoll } from '../../poll/pollViews'
import { scaleMedian } from '../../poll/scaleSummary'
import { definitions } from './support/definitions'
import { openPoll, scalePoll } from './support/kindDefinitions'

function machineWith(...commands: Command[]): PollMachine {
  const machine = new PollMachine([...definitions, scalePoll, openPoll])
  for (const command of commands)
    expect(machine.apply(command), JSON.stringify(command)).toMatchObject({ ok: true })
  return machine
}
const open = (poll: string): Command => ({ kind: 'control', action: 'open', poll })
const scale = (device: string, value: number, round = 1): Command => ({ kind: 'scale', device, poll: scalePoll.id, round, value })
const answer = (device: string, text: string, round = 1): Command => ({ kind: 'answer', device, poll: openPoll.id, round, text })

describe('poll definitions', () => {
  it('read a stored definition without a kind as a choice poll', () => {
    const { kind: _, ...old } = definitions[0]!
    expect(pollDefinitionSchema.parse(old)).toEqual(definitions[0])
  })

  it('refuse a scale of one point or more than ten', () => {
    expect(pollDefinitionSchema.safeParse({ ...scalePoll, max: 1 }).success).toBe(false)
    expect(pollDefinitionSchema.safeParse({ ...scalePoll, max: 11 }).success).toBe(false)
    expect(pollDefinitionSchema.safeParse({ ...scalePoll, max: 10 }).success).toBe(true)
  })
})

describe('scale polls', () => {
  it('count a value as its index, report the median, and let a device change its place', () => {
    const machine = machineWith(open(scalePoll.id), scale('a', 1), scale('b', 7), scale('c', 4), scale('a', 2))
    const view = presenterPoll(machine.poll(scalePoll.id)!)
    expect(view).toMatchObject({ kind: 'scale', answer: null, rounds: [{ round: 1, counts: [0, 1, 0, 1, 0, 0, 1], voters: 3, median: 4 }] })
    expect(participantPoll(machine.poll(scalePoll.id)!, 'a')).toMatchObject({ kind: 'scale', choices: [], scale: { min: 1, max: 7, minLabel: 'Visionary', maxLabel: 'Executor' }, myVotes: [1] })
  })

  it('refuse a value off the scale or not whole with bad-value, and a choice vote with wrong-kind', () => {
    const machine = machineWith(open(scalePoll.id))
    for (const value of [0, 8, -1, 1.5, Number.NaN, 1e9])
      expect(machine.apply(scale('a', value))).toMatchObject({ ok: false, code: 'bad-value', reason: 'Give a whole number from 1 to 7.' })
    expect(machine.apply({ kind: 'vote', device: 'a', poll: scalePoll.id, round: 1, choice: 0 })).toMatchObject({ ok: false, code: 'wrong-kind' })
    expect(machine.apply(scale('a', 3))).toMatchObject({ ok: true, effect: { kind: 'vote', choice: 2, value: 3 } })
  })

  it('keep both rounds, so the room sees whether it moved', () => {
    const machine = machineWith(open(scalePoll.id), scale('a', 2), scale('b', 3), { kind: 'control', action: 'close', poll: scalePoll.id }, { kind: 'control', action: 'next-round', poll: scalePoll.id }, scale('a', 5, 2), scale('b', 6, 2))
    expect(presenterPoll(machine.poll(scalePoll.id)!).rounds.map(round => round.median)).toEqual([2.5, 5.5])
  })

  it('take a show of hands with one count per point', () => {
    const machine = machineWith()
    expect(machine.apply({ kind: 'hands', poll: scalePoll.id, round: 1, counts: [1, 0, 0] })).toMatchObject({ ok: false, code: 'bad-choice' })
    expect(machine.apply({ kind: 'hands', poll: scalePoll.id, round: 1, counts: [1, 0, 0, 2, 0, 0, 0] })).toMatchObject({ ok: true })
    expect(presenterPoll(machine.poll(scalePoll.id)!).rounds[0]).toMatchObject({ voters: 3, median: 4 })
  })

  it('compute the median of an even and an empty room', () => {
    expect(scaleMedian([1, 0, 0, 1], 1)).toBe(2.5)
    expect(scaleMedian([0, 0], 1)).toBeNull()
  })
})

describe('open polls', () => {
  it('keep answers from the room until the presenter approves them', () => {
    const machine = machineWith(open(openPoll.id), answer('a', 'Planning'), answer('b', 'planning.'), answer('c', 'Risk'))
    const record = machine.poll(openPoll.id)!
    expect(presenterPoll(record).answers).toEqual([{ round: 1, groups: [], more: 0, answers: 0 }])
    expect(presenterPoll(record, 'moderator').answers?.[0]).toMatchObject({
      groups: [{ key: 'planning', text: 'Planning', count: 2, status: 'pending', flagged: false }, { key: 'risk', text: 'Risk', count: 1, status: 'pending' }],
      byStatus: { pending: 3, approved: 0, hidden: 0 },
      answers: 3,
    })
    expect(machine.apply({ kind: 'moderate', poll: openPoll.id, keys: ['planning', 'never-given'], status: 'approved' })).toMatchObject({ ok: true, effect: { keys: ['planning'] } })
    expect(presenterPoll(record).answers).toEqual([{ round: 1, groups: [{ key: 'planning', text: 'Planning', count: 2 }], more: 0, answers: 2 }])
  })

  it('hide answers the word list flags until the presenter approves them, and approve all pending at once', () => {
    const machine = machineWith(open(openPoll.id), answer('a', 'Herding cats'), answer('b', 'Total bullshit'))
    expect(machine.apply({ kind: 'moderate', poll: openPoll.id, keys: 'pending', status: 'approved' })).toMatchObject({ ok: true, effect: { keys: ['herding cats'] } })
    const record = machine.poll(openPoll.id)!
    expect(presenterPoll(record).answers?.[0]?.groups.map(group => group.text)).toEqual(['Herding cats'])
    expect(presenterPoll(record, 'moderator').answers?.[0]?.groups).toContainEqual({ key: 'total bullshit', text: 'Total bullshit', count: 1, status: 'hidden', flagged: true })
    machine.apply({ kind: 'moderate', poll: openPoll.id, keys: ['total bullshit'], status: 'approved' })
    expect(presenterPoll(record).answers?.[0]?.answers).toBe(2)
  })

  it('cap answers per device per round, and acknowledge a resent answer without counting it twice', () => {
    const machine = machineWith(open(openPoll.id), answer('a', 'one'), answer('a', 'two'))
    expect(machine.apply(answer('a', 'One '))).toMatchObject({ ok: true, effect: { changed: false, seq: 0 } })
    expect(machine.apply(answer('a', 'three'))).toMatchObject({ ok: false, code: 'too-many-answers', reason: 'This poll takes at most 2 answers per person.' })
    for (let n = 0; n < 1000; n++)
      expect(machine.apply(answer('a', `spam ${n}`)).ok).toBe(false)
    expect(presenterPoll(machine.poll(openPoll.id)!, 'moderator').answers?.[0]?.answers).toBe(2)
    expect(participantPoll(machine.poll(openPoll.id)!, 'a').myAnswers).toEqual([['one', 'two']])
  })

  it('refuse an empty or over-long answer with bad-answer, and answers to a closed poll', () => {
    const machine = machineWith(open(openPoll.id))
    expect(machine.apply(answer('a', '\u200B\u202E '))).toMatchObject({ ok: false, code: 'bad-answer' })
    expect(machine.apply(answer('a', 'x'.repeat(61)))).toMatchObject({ ok: false, code: 'bad-answer' })
    machine.apply({ kind: 'control', action: 'close', poll: openPoll.id })
    expect(machine.apply(answer('a', 'late'))).toMatchObject({ ok: false, code: 'poll-not-open' })
    expect(machine.apply({ kind: 'scale', device: 'a', poll: openPoll.id, round: 1, value: 1 })).toMatchObject({ ok: false, code: 'wrong-kind' })
  })

  it('show phones approved groups only, after the reveal', () => {
    const machine = machineWith(open(openPoll.id), answer('a', 'Planning'), answer('b', 'Risk'), { kind: 'moderate', poll: openPoll.id, keys: ['risk'], status: 'approved' })
    expect(participantPoll(machine.poll(openPoll.id)!, 'b').reveal).toBeNull()
    machine.apply({ kind: 'control', action: 'reveal', poll: openPoll.id })
    const reveal = participantPoll(machine.poll(openPoll.id)!, 'b').reveal
    expect(reveal).toMatchObject({ answer: null, answers: [{ round: 1, groups: [{ key: 'risk', text: 'Risk', count: 1 }], answers: 1 }] })
    expect(JSON.stringify(reveal)).not.toContain('Planning')
  })

  it('stop counting an excluded device\'s answers, and forget answers and decisions on reset', () => {
    const machine = machineWith(open(openPoll.id), answer('a', 'Planning'), answer('b', 'Planning'), { kind: 'moderate', poll: openPoll.id, keys: 'pending', status: 'approved' })
    expect(machine.apply({ kind: 'exclude', devices: ['a'] })).toMatchObject({ ok: true, effect: { polls: [{ definition: { id: openPoll.id } }] } })
    expect(presenterPoll(machine.poll(openPoll.id)!).answers?.[0]).toMatchObject({ answers: 1 })
    machine.apply({ kind: 'control', action: 'reset', poll: openPoll.id })
    machine.apply(open(openPoll.id))
    machine.apply(answer('b', 'Planning'))
    expect(presenterPoll(machine.poll(openPoll.id)!).answers?.[0]?.groups).toEqual([])
  })

  it('restore answers and decisions from stored state', () => {
    const machine = new PollMachine([openPoll], {
      current: openPoll.id,
      polls: [{ definition: openPoll, status: 'open', round: 1 }],
      votes: [],
      answers: [{ poll: openPoll.id, round: 1, device: 'a', seq: 1, text: 'Risk', key: 'risk' }, { poll: openPoll.id, round: 1, device: 'a', seq: 0, text: 'Plan', key: 'plan' }],
      moderation: [{ poll: openPoll.id, key: 'risk', status: 'approved' }],
    })
    expect(participantPoll(machine.poll(openPoll.id)!, 'a').myAnswers).toEqual([['Plan', 'Risk']])
    expect(presenterPoll(machine.poll(openPoll.id)!).answers?.[0]?.groups).toEqual([{ key: 'risk', text: 'Risk', count: 1 }])
    expect(machine.apply(answer('a', 'third'))).toMatchObject({ ok: false, code: 'too-many-answers' })
  })

  it('list the 50 most frequent approved groups and count the rest', () => {
    const machine = machineWith(open(openPoll.id))
    for (let n = 0; n < 60; n++)
      machine.apply(answer(`d${n}`, `word ${n}`))
    machine.apply(answer('x', 'word 7'))
    machine.apply({ kind: 'moderate', poll: openPoll.id, keys: 'pending', status: 'approved' })
    const round = presenterPoll(machine.poll(openPoll.id)!).answers?.[0]
    expect(round).toMatchObject({ more: 10, answers: 61 })
    expect(round?.groups).toHaveLength(50)
    expect(round?.groups[0]).toEqual({ key: 'word 7', text: 'word 7', count: 2 })
  })
})
