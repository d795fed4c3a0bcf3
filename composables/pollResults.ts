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
