import type { PollStatus } from '../poll/protocol'

/** One set of bars: a round's votes, or a show of hands. */
export interface BarSeries {
  label: string
  counts: readonly number[]
}

/** Plain-language poll status for the slide. */
export const STATUS_LABELS: Readonly<Record<PollStatus, string>> = {
  draft: 'Not open yet',
  open: 'Voting open',
  closed: 'Voting closed',
  revealed: 'Answer revealed',
}

/** A scale or open poll has no answer to reveal: its reveal shows the results and the debrief. */
export const PROMPT_STATUS_LABELS: Readonly<Record<PollStatus, string>> = { ...STATUS_LABELS, revealed: 'Results shown' }

export interface RoomView {
  status: PollStatus
  /** The poll has an intended answer (a choice poll); false for scale and open polls. */
  hasAnswer?: boolean
  /** The room sees the bars (shown, revealed, or a show of hands). */
  results: boolean
  /** Round 1 beside round 2. */
  bothRounds: boolean
}

/** What the projector shows right now, in the presenter's words: "question only", "question and results", "answer and results". */
export function roomSees({ status, results, bothRounds, hasAnswer = true }: RoomView): string {
  const what = status === 'revealed' ? (hasAnswer ? 'answer and results' : 'results and debrief') : results ? 'question and results' : 'question only'
  return results && bothRounds ? `${what}, rounds 1 and 2` : what
}
