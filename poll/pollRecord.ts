// One poll's live state and the helpers that keep its rounds and counts in step; the
// machine (pollMachine.ts) and a restore from the store (machineState.ts) share them.
import type { PollDefinition } from './pollDefinition'
import type { PollDisplay, PollStatus } from './protocol'
import { OpenAnswers } from './openAnswers'
import { optionCount } from './pollDefinition'

/** One poll's live state. Treat as read-only outside the machine. */
export interface PollRecord {
  definition: PollDefinition
  status: PollStatus
  /** The current round, 1-based. */
  round: number
  /** Per round (index 0 is round 1): device → choice (scale polls: value − min). */
  votes: Map<string, number>[]
  /** Per round: votes per choice or scale point, kept in step with `votes`. */
  counts: number[][]
  /** Open polls' answers and their moderation (empty for the other kinds). */
  answers: OpenAnswers
  /** What the room sees besides the status: live bars, both rounds. */
  display: PollDisplay
}

/**
 * Device ids of a show of hands: `hands:<choice>:<n>`. The colon cannot occur in a
 * phone's device id, so a phone can never overwrite or pose as a counted hand.
 */
export const HANDS_DEVICE_PREFIX = 'hands:'

export function isHandsDevice(device: string): boolean {
  return device.startsWith(HANDS_DEVICE_PREFIX)
}

export const DEFAULT_DISPLAY: Readonly<PollDisplay> = { showResults: false, compareRounds: false }

export function zeroCounts(definition: PollDefinition): number[] {
  return Array.from<number>({ length: optionCount(definition) }).fill(0)
}

export function freshRecord(definition: PollDefinition): PollRecord {
  return { definition, status: 'draft', round: 1, votes: [new Map()], counts: [zeroCounts(definition)], answers: new OpenAnswers(), display: { ...DEFAULT_DISPLAY } }
}

/** One round of a poll: device → choice, and votes per choice kept in step with it. */
export interface RoundState {
  readonly votes: Map<string, number>
  readonly counts: number[]
}

/** Round `round` (1-based) of a poll, or undefined when the poll has not reached it. */
export function roundOf(record: PollRecord, round: number): RoundState | undefined {
  const votes = record.votes[round - 1]
  const counts = record.counts[round - 1]
  return votes && counts ? { votes, counts } : undefined
}

/** Adds `n` (negative: removes) votes for `choice`, a valid choice of the round's poll. */
export function addVotes({ counts }: RoundState, choice: number, n: number): void {
  counts[choice] = (counts[choice] ?? 0) + n
}
