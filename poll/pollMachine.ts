// The pure poll state machine: applies votes, answers, moderation, controls and shows of
// hands to a session's polls and says what changed. No I/O: the server persists each
// effect. A poll's record is pollRecord.ts, which controls a status allows is
// pollLifecycle.ts, and the rebuild from the store after a restart is machineState.ts.
import type { MachineState, SkippedVotes } from './machineState'
import type { PollDefinition } from './pollDefinition'
import type { PollRecord } from './pollRecord'
import type { ControlAction, ErrorCode, ModerationStatus, PollDisplay } from './protocol'
import { checkAnswer } from './answerText'
import { restoreSession } from './machineState'
import { optionCount } from './pollDefinition'
import { transitions } from './pollLifecycle'
import { addVotes, freshRecord, HANDS_DEVICE_PREFIX, isHandsDevice, roundOf, zeroCounts } from './pollRecord'
import { MAX_ROUNDS } from './protocol'

export type Command
  = | { kind: 'vote', device: string, poll: string, round: number, choice: number }
    | { kind: 'scale', device: string, poll: string, round: number, value: number }
    | { kind: 'answer', device: string, poll: string, round: number, text: string }
    | { kind: 'moderate', poll: string, keys: readonly string[] | 'pending', status: Exclude<ModerationStatus, 'pending'> }
    | { kind: 'control', action: ControlAction, poll: string }
    | { kind: 'select', poll: string | null }
    | { kind: 'hands', poll: string, round: number, counts: number[] }
    | { kind: 'display', poll: string, patch: Partial<PollDisplay> }
    | { kind: 'exclude', devices: string[] }

export type Effect
  /** `changed` is false for a repeated vote: nothing to write, but still acknowledged. */
  = | { kind: 'vote', poll: string, round: number, device: string, choice: number, changed: boolean, value?: number }
  /** An open answer, normalised; `changed` is false for a repeat of one already given. */
    | { kind: 'answer', poll: string, round: number, device: string, seq: number, text: string, key: string, changed: boolean }
  /** The presenter approved or hid these groups of an open poll. */
    | { kind: 'moderate', record: PollRecord, keys: string[], status: Exclude<ModerationStatus, 'pending'>, current: string | null }
  /** A poll's status, round or display changed; `cleared` means its votes were deleted (reset). */
    | { kind: 'poll', record: PollRecord, cleared: boolean, current: string | null }
  /** Only what the room sees changed: presenters need it, phones do not. */
    | { kind: 'display', record: PollRecord, current: string | null }
    | { kind: 'select', current: string | null }
  /** A show of hands replaced the earlier one of this round: its rows are `hands` (device → choice). */
    | { kind: 'hands', record: PollRecord, round: number, hands: [device: string, choice: number][], current: string | null }
  /** These devices' votes no longer count (their rows stay); `polls` lost votes. */
    | { kind: 'exclude', devices: string[], polls: PollRecord[], current: string | null }

export type Outcome = { ok: true, effect: Effect } | { ok: false, code: ErrorCode, reason: string }

function fail(code: ErrorCode, reason: string): Outcome {
  return { ok: false, code, reason }
}

const messageFor: Record<PollDefinition['kind'], string> = {
  choice: 'a vote with a choice',
  scale: 'a scale vote with a value',
  open: 'an answer with a text',
}

/** Holds every poll of one workshop session and applies commands to them. */
export class PollMachine {
  private readonly catalog: ReadonlyMap<string, PollDefinition>
  private readonly records = new Map<string, PollRecord>()
  private readonly excluded = new Set<string>()
  private selected: string | null = null
  /** What the restore could not count. */
  readonly skipped: SkippedVotes[] = []

  /** `definitions`: the polls the scenario library offers, in library order. */
  constructor(definitions: readonly PollDefinition[], state?: MachineState) {
    this.catalog = new Map(definitions.map(definition => [definition.id, definition]))
    for (const definition of definitions)
      this.records.set(definition.id, freshRecord(definition))
    if (state) {
      const { skipped, current } = restoreSession(state, this.records, this.excluded)
      this.skipped.push(...skipped)
      this.selected = current
    }
  }

  /** The poll phones are shown, or null. */
  get current(): string | null {
    return this.selected
  }

  /** Every poll: the library's in order, then any that only the session still has. */
  polls(): PollRecord[] {
    return [...this.records.values()]
  }

  poll(id: string): PollRecord | undefined {
    return this.records.get(id)
  }

  /** Whether this device's votes were excluded. */
  isExcluded(device: string): boolean {
    return this.excluded.has(device)
  }

  /** Applies one command; on failure nothing changes. */
  apply(command: Command): Outcome {
    if (command.kind === 'exclude')
      return this.exclude(command.devices)
    if (command.kind === 'select') {
      if (command.poll !== null && !this.records.has(command.poll))
        return fail('unknown-poll', 'No poll has this id.')
      this.selected = command.poll
      return { ok: true, effect: { kind: 'select', current: this.selected } }
    }
    const record = this.records.get(command.poll)
    if (!record)
      return fail('unknown-poll', 'No poll has this id.')
    if (command.kind === 'hands')
      return this.hands(record, command)
    if (command.kind === 'display') {
      record.display = { ...record.display, ...command.patch }
      return { ok: true, effect: { kind: 'display', record, current: this.selected } }
    }
    switch (command.kind) {
      case 'vote':
        return this.vote(record, command)
      case 'scale':
        return this.scale(record, command)
      case 'answer':
        return this.answer(record, command)
      case 'moderate':
        return this.moderate(record, command)
      case 'control':
        return this.control(record, command.action)
    }
  }

  /** Replaces the round's show of hands with `counts`; the phones' votes stay. */
  private hands(record: PollRecord, { round, counts }: Extract<Command, { kind: 'hands' }>): Outcome {
    const state = roundOf(record, round)
    if (!state)
      return fail('wrong-round', `This poll is in round ${record.round}.`)
    if (record.definition.kind === 'open')
      return fail('wrong-kind', 'An open poll has no show of hands.')
    if (counts.length !== optionCount(record.definition) || counts.some(count => !Number.isInteger(count) || count < 0))
      return fail('bad-choice', `A show of hands needs one count per ${record.definition.kind === 'scale' ? 'point of the scale' : 'choice'}.`)
    const { votes } = state
    for (const [device, choice] of votes) {
      if (isHandsDevice(device)) {
        votes.delete(device)
        addVotes(state, choice, -1)
      }
    }
    const hands: [string, number][] = []
    counts.forEach((count, choice) => {
      for (let n = 1; n <= count; n++)
        hands.push([`${HANDS_DEVICE_PREFIX}${choice}:${n}`, choice])
      addVotes(state, choice, count)
    })
    for (const [device, choice] of hands)
      votes.set(device, choice)
    // Hands were counted, so the poll has been asked: a poll never opened counts as closed.
    if (record.status === 'draft')
      record.status = 'closed'
    return { ok: true, effect: { kind: 'hands', record, round, hands, current: this.selected } }
  }

  /** Stops counting these devices' votes, in every poll and round. */
  private exclude(devices: readonly string[]): Outcome {
    const fresh = devices.filter(device => !this.excluded.has(device) && !isHandsDevice(device))
    const changed = new Set<PollRecord>()
    for (const device of fresh) {
      this.excluded.add(device)
      for (const record of this.records.values()) {
        record.votes.forEach((votes, index) => {
          const choice = votes.get(device)
          if (choice === undefined)
            return
          votes.delete(device)
          addVotes(roundOf(record, index + 1)!, choice, -1)
          changed.add(record)
        })
        if (record.answers.removeDevice(device))
          changed.add(record)
      }
    }
    return { ok: true, effect: { kind: 'exclude', devices: fresh, polls: [...changed], current: this.selected } }
  }

  /** Why this device cannot answer this poll and round now, or undefined when it can. */
  private refusal(record: PollRecord, device: string, round: number, kind: PollDefinition['kind']): Outcome | undefined {
    if (this.excluded.has(device))
      return fail('excluded', 'The presenter stopped counting votes from this device\'s network.')
    if (record.definition.kind !== kind)
      return fail('wrong-kind', `This poll is a ${record.definition.kind} poll; send ${messageFor[record.definition.kind]}.`)
    if (record.status !== 'open')
      return fail('poll-not-open', 'This poll is not open for votes.')
    if (round !== record.round || !roundOf(record, round))
      return fail('wrong-round', `This poll is in round ${record.round}.`)
    return undefined
  }

  private vote(record: PollRecord, { device, round, choice }: Extract<Command, { kind: 'vote' }>): Outcome {
    const refused = this.refusal(record, device, round, 'choice')
    if (refused)
      return refused
    if (!Number.isInteger(choice) || choice < 0 || choice >= optionCount(record.definition))
      return fail('bad-choice', 'This poll has no such choice.')
    return this.cast(record, device, round, choice)
  }

  private scale(record: PollRecord, { device, round, value }: Extract<Command, { kind: 'scale' }>): Outcome {
    const refused = this.refusal(record, device, round, 'scale')
    if (refused)
      return refused
    const { definition } = record
    if (definition.kind !== 'scale' || !Number.isInteger(value) || value < definition.min || value > definition.max)
      return fail('bad-value', `Give a whole number from ${definition.kind === 'scale' ? `${definition.min} to ${definition.max}` : 'the scale'}.`)
    return this.cast(record, device, round, value - definition.min, value)
  }

  /** Records a device's vote (a choice, or a scale point's index) in an open round the caller checked. */
  private cast(record: PollRecord, device: string, round: number, choice: number, value?: number): Outcome {
    const state = roundOf(record, round)!
    const previous = state.votes.get(device)
    if (previous !== choice) {
      if (previous !== undefined)
        addVotes(state, previous, -1)
      addVotes(state, choice, 1)
      state.votes.set(device, choice)
    }
    const effect: Effect = { kind: 'vote', poll: record.definition.id, round, device, choice, changed: previous !== choice, ...(value === undefined ? {} : { value }) }
    return { ok: true, effect }
  }

  private answer(record: PollRecord, { device, round, text }: Extract<Command, { kind: 'answer' }>): Outcome {
    const refused = this.refusal(record, device, round, 'open')
    if (refused)
      return refused
    const { definition } = record
    const checked = checkAnswer(text)
    if (!checked.ok)
      return fail('bad-answer', checked.reason)
    const maxAnswers = definition.kind === 'open' ? definition.maxAnswers : 0
    const added = record.answers.add(round, device, checked, maxAnswers)
    if (added === 'full')
      return fail('too-many-answers', maxAnswers === 1 ? 'This poll takes one answer per person.' : `This poll takes at most ${maxAnswers} answers per person.`)
    const seq = added === 'added'
      ? record.answers.lastSeq(round, device)
      : record.answers.byDevice[round - 1]?.get(device)?.find(given => given.key === checked.key)?.seq ?? 0
    return { ok: true, effect: { kind: 'answer', poll: definition.id, round, device, seq, text: checked.text, key: checked.key, changed: added === 'added' } }
  }

  private moderate(record: PollRecord, { keys, status }: Extract<Command, { kind: 'moderate' }>): Outcome {
    if (record.definition.kind !== 'open')
      return fail('wrong-kind', 'Only open polls have answers to moderate.')
    const { answers } = record
    // Keys that were never answered are ignored: a decision only ever applies to what the presenter saw.
    const chosen = keys === 'pending'
      ? [...answers.groups.keys()].filter(key => answers.status(key) === 'pending')
      : [...new Set(keys)].filter(key => answers.groups.has(key))
    const changed = chosen.filter(key => answers.decisions.get(key) !== status)
    for (const key of changed)
      answers.decisions.set(key, status)
    return { ok: true, effect: { kind: 'moderate', record, keys: changed, status, current: this.selected } }
  }

  private control(record: PollRecord, action: ControlAction): Outcome {
    const id = record.definition.id
    if (action === 'reset') {
      // Back to draft with no votes; take the library's current text, in case it was edited.
      const reset = freshRecord(this.catalog.get(id) ?? record.definition)
      this.records.set(id, reset)
      return { ok: true, effect: { kind: 'poll', record: reset, cleared: true, current: this.selected } }
    }
    const { from, to } = transitions[action]
    if (!from.includes(record.status))
      return fail('bad-transition', `Cannot ${action} a poll that is ${record.status}.`)
    if (action === 'next-round') {
      if (record.round >= MAX_ROUNDS)
        return fail('bad-transition', `A poll has at most ${MAX_ROUNDS} rounds.`)
      record.round++
      record.votes.push(new Map())
      record.counts.push(zeroCounts(record.definition))
      record.answers.addRound()
      // A new vote starts unswayed: the room does not see its bars until asked.
      record.display = { ...record.display, showResults: false }
    }
    record.status = to
    if (to === 'open')
      this.selected = id
    return { ok: true, effect: { kind: 'poll', record, cleared: false, current: this.selected } }
  }
}
