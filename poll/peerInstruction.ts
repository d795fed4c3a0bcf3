// Peer instruction (Mazur): the room votes alone with the results hidden, and the share
// of round 1 on the intended answer decides what the presenter does next. Pure, so the
// thresholds are tested at their edges; only the presenter view ever shows the result.
import type { PollStatus, RoundTally } from './protocol'

/** Round 1 below this share (percent) on the intended answer: teach, then vote again. */
export const TEACH_BELOW_PERCENT = 30
/** Round 1 above this share (percent): reveal and move on; in between, pairs discuss. */
export const MOVE_ON_ABOVE_PERCENT = 70

/** Where round 1 fell: too few right to discuss, enough disagreement to discuss, or settled. */
export type PeerBand = 'teach' | 'discuss' | 'move-on'

/** What the presenter should press next; `compare` is the "Compare rounds" toggle. */
export type PeerAction = 'open' | 'close' | 'next-round' | 'reveal' | 'compare'

export interface FirstVote {
  /** Devices that voted in round 1. */
  voters: number
  /** Of those, on the intended answer. */
  correct: number
  /** Whole percent on the intended answer; undefined with no votes. */
  percent: number | undefined
  /** Undefined until round 1 has a vote: an empty room has no band. */
  band: PeerBand | undefined
}

export interface PeerStep {
  /** The band of round 1, once it has votes. */
  first: FirstVote
  /** What the band was read from: the phones' round 1, or a show of hands typed in. */
  source: 'round 1' | 'hands'
  /** One line for the presenter: where the room stands and what to do. */
  text: string
  /** The control that carries the step out, to highlight; none while the room talks. */
  action?: PeerAction
}

/** The band of a round 1 with `correct` of `voters` on the intended answer; 30% and 70% exactly fall in the middle band. */
export function bandOf(correct: number, voters: number): PeerBand | undefined {
  if (voters <= 0)
    return undefined
  // Integer comparison: 3 of 10 must be exactly 30%, whatever floating point says.
  if (correct * 100 < TEACH_BELOW_PERCENT * voters)
    return 'teach'
  if (correct * 100 > MOVE_ON_ABOVE_PERCENT * voters)
    return 'move-on'
  return 'discuss'
}

/** Round 1 of a poll read against its intended answer. */
export function firstVote(rounds: readonly RoundTally[], answer: number): FirstVote {
  const round1 = rounds.find(tally => tally.round === 1)
  const correct = round1?.counts[answer] ?? 0
  // A device votes once per round, so the counts add up to the voters.
  const voters = round1?.counts.reduce((sum, count) => sum + count, 0) ?? 0
  return {
    voters,
    correct,
    percent: voters > 0 ? Math.round((correct / voters) * 100) : undefined,
    band: bandOf(correct, voters),
  }
}

/** The band as the presenter reads it, e.g. "30–70%". */
export const BAND_LABELS: Record<PeerBand, string> = {
  'teach': `under ${TEACH_BELOW_PERCENT}%`,
  'discuss': `${TEACH_BELOW_PERCENT}–${MOVE_ON_ABOVE_PERCENT}%`,
  'move-on': `over ${MOVE_ON_ABOVE_PERCENT}%`,
}

export interface PeerStepInput {
  status: PollStatus
  round: number
  rounds: readonly RoundTally[]
  answer: number
  /** The presenter is already showing round 1 beside round 2. */
  comparing: boolean
}

/** The next step of the peer-instruction flow for a poll in this state. */
export function peerStep({ status, round, rounds, answer, comparing }: PeerStepInput): PeerStep {
  const first = firstVote(rounds, answer)
  const step = (text: string, action?: PeerAction): PeerStep => ({ first, source: 'round 1', text, action })

  if (status === 'draft')
    return step('Open voting. Everyone votes alone; the room does not see the split.', 'open')
  if (round >= 2) {
    if (status === 'open')
      return step('Round 2: everyone votes again. Close voting when the count stops rising.', 'close')
    if (status === 'closed')
      return step('Reveal the answer, then compare the two rounds.', 'reveal')
    return comparing
      ? step('Ask someone who changed their vote what convinced them.')
      : step('Compare rounds: who moved, and towards which answer?', 'compare')
  }
  if (status === 'revealed')
    return step('Answer revealed. Take one debrief question and move on.')
  if (first.band === undefined)
    return step('Waiting for the first votes. Results stay hidden from the room.', status === 'open' ? undefined : 'open')
  if (status === 'open')
    return step('Close voting when the count stops rising; the band may still change.', 'close')
  if (first.band === 'teach')
    return step('Teach the idea briefly, without the answer; then start round 2.', 'next-round')
  if (first.band === 'discuss')
    return step('Pairs, two minutes: "convince your neighbour". Then round 2, reveal, compare.', 'next-round')
  return step('Most of the room agrees: reveal and move on.', 'reveal')
}

/**
 * The same flow without a poll server: the band of the hands the presenter typed in.
 * A re-vote is a second show of hands (clear the counts and count again).
 */
export function handsStep(counts: readonly number[], answer: number, revealed: boolean): PeerStep | undefined {
  const first = firstVote([{ round: 1, counts: [...counts], voters: 0 }], answer)
  if (first.band === undefined || revealed)
    return undefined
  const step = (text: string, action?: PeerAction): PeerStep => ({ first, source: 'hands', text, action })
  if (first.band === 'teach')
    return step('Teach the idea briefly, without the answer; then clear the counts and take the hands again.')
  if (first.band === 'discuss')
    return step('Pairs, two minutes: "convince your neighbour". Then clear, count hands again, reveal.')
  return step('Most of the room agrees: reveal and move on.', 'reveal')
}
