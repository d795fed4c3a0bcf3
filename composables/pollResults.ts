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

export interface RoomView {
  status: PollStatus
  /** The room sees the bars (shown, revealed, or a show of hands). */
  results: boolean
  /** Round 1 beside round 2. */
  bothRounds: boolean
}

/** What the projector shows right now, in the presenter's words: "question only", "question and results", "answer and results". */
export function roomSees({ status, results, bothRounds }: RoomView): string {
  const what = status === 'revealed' ? 'answer and results' : results ? 'question and results' : 'question only'
  return results && bothRounds ? `${what}, rounds 1 and 2` : what
}
