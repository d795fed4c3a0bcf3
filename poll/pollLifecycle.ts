// Which control actions a poll accepts in which status: the machine enforces it, and the
// deck enables its buttons from it (so this file stays small and browser-safe).
import type { ControlAction, PollStatus } from './protocol'
import { MAX_ROUNDS } from './protocol'

// Which statuses each action may start from, and where it leads.
export const transitions: Record<Exclude<ControlAction, 'reset'>, { from: readonly PollStatus[], to: PollStatus }> = {
  'open': { from: ['draft', 'closed'], to: 'open' },
  'close': { from: ['open'], to: 'closed' },
  'reveal': { from: ['open', 'closed'], to: 'revealed' },
  'next-round': { from: ['closed', 'revealed'], to: 'open' },
}

/** The control actions the machine accepts from a poll in this status and round (the deck enables its buttons from this). */
export function allowedActions(status: PollStatus, round: number): ReadonlySet<ControlAction> {
  const actions = new Set<ControlAction>(['reset'])
  for (const [action, { from }] of Object.entries(transitions) as [keyof typeof transitions, (typeof transitions)[keyof typeof transitions]][]) {
    if (from.includes(status) && (action !== 'next-round' || round < MAX_ROUNDS))
      actions.add(action)
  }
  return actions
}
