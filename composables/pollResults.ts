import type { ControlAction, PollStatus } from '../poll/protocol'
import { MAX_ROUNDS } from '../poll/protocol'

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

/** The control actions the server accepts from a poll in this status and round. */
export function allowedActions(status: PollStatus, round: number): ReadonlySet<ControlAction> {
  const actions = new Set<ControlAction>(['reset'])
  if (status === 'draft' || status === 'closed')
    actions.add('open')
  if (status === 'open')
    actions.add('close')
  if (status === 'open' || status === 'closed')
    actions.add('reveal')
  if ((status === 'closed' || status === 'revealed') && round < MAX_ROUNDS)
    actions.add('next-round')
  return actions
}
