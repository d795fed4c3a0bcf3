import type { PollDefinition } from './pollDefinition'
// What the store keeps of a session, and how a restarted server rebuilds its polls from
// it: votes it cannot count are reported with why, never silently dropped.
import type { PollRecord } from './pollRecord'
import type { ModerationStatus, PollDisplay, PollStatus } from './protocol'
import { optionCount } from './pollDefinition'
import { addVotes, DEFAULT_DISPLAY, freshRecord, roundOf, zeroCounts } from './pollRecord'
import { MAX_ROUNDS } from './protocol'

/** What the store keeps, and what a restarted server restores. */
export interface MachineState {
  current: string | null
  polls: { definition: PollDefinition, status: PollStatus, round: number, display?: PollDisplay }[]
  votes: { poll: string, round: number, device: string, choice: number }[]
  /** Devices whose votes the presenter excluded (one address, many devices). */
  excluded?: string[]
  /** Open answers, in the order given per device (`seq`). */
  answers?: { poll: string, round: number, device: string, seq: number, text: string, key: string }[]
  /** The presenter's moderation decisions. */
  moderation?: { poll: string, key: string, status: Exclude<ModerationStatus, 'pending'> }[]
}

/** Stored votes a restart could not count, per poll, with why: kept in the file, reported, never silently dropped. */
export interface SkippedVotes {
  poll: string
  count: number
  reason: string
}

/**
 * Rebuilds the session's polls from `state` into `records` (fresh records of the library's
 * polls) and `excluded`; says what it could not count and which poll phones are shown.
 */
export function restoreSession(state: MachineState, records: Map<string, PollRecord>, excluded: Set<string>): { skipped: SkippedVotes[], current: string | null } {
  for (const { definition, status, round, display } of state.polls) {
    const record = freshRecord(definition)
    record.status = status
    record.display = { ...DEFAULT_DISPLAY, ...display }
    for (; record.round < Math.min(round, MAX_ROUNDS); record.round++) {
      record.votes.push(new Map())
      record.counts.push(zeroCounts(definition))
      record.answers.addRound()
    }
    records.set(definition.id, record)
  }
  for (const device of state.excluded ?? [])
    excluded.add(device)
  const skipped = new Map<string, SkippedVotes>()
  const skip = (poll: string, reason: string) => {
    const key = `${poll}\n${reason}`
    const entry = skipped.get(key) ?? { poll, count: 0, reason }
    entry.count++
    skipped.set(key, entry)
  }
  for (const { poll, round, device, choice } of state.votes) {
    if (excluded.has(device))
      continue
    const record = records.get(poll)
    const rounds = record && roundOf(record, round)
    if (!record) {
      skip(poll, 'the poll is not in the session')
    }
    else if (!rounds) {
      skip(poll, `round ${round} was never started`)
    }
    else if (rounds.counts[choice] === undefined) {
      skip(poll, `its choice is not one of the poll's ${optionCount(record.definition)}`)
    }
    else if (!rounds.votes.has(device)) {
      rounds.votes.set(device, choice)
      addVotes(rounds, choice, 1)
    }
  }
  restoreAnswers(state, records, excluded, skip)
  return { skipped: [...skipped.values()], current: state.current !== null && records.has(state.current) ? state.current : null }
}

function restoreAnswers(state: MachineState, records: ReadonlyMap<string, PollRecord>, excluded: ReadonlySet<string>, skip: (poll: string, reason: string) => void): void {
  for (const { poll, key, status } of state.moderation ?? [])
    records.get(poll)?.answers.decisions.set(key, status)
  // In seq order, so each device's answers count in the order given.
  const answers = [...state.answers ?? []].sort((a, b) => a.seq - b.seq)
  for (const { poll, round, device, seq, text, key } of answers) {
    if (excluded.has(device))
      continue
    const record = records.get(poll)
    if (!record || record.definition.kind !== 'open')
      skip(poll, record ? 'the poll takes no open answers' : 'the poll is not in the session')
    else if (!roundOf(record, round))
      skip(poll, `round ${round} was never started`)
    else
      record.answers.add(round, device, { text, key }, Number.POSITIVE_INFINITY, seq)
  }
}
