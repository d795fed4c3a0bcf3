// Where each poll falls in the session. The plan numbers the polls its slides run
// ("Poll 3"); a poll it does not number (a scale or open poll before the deck has a
// slide for it) goes just after the last numbered poll that the library's index lists
// before it, so "one word" opens and "next Monday" closes, as the index places them.
import type { PlannedPoll } from '../content/deckPlan.ts'

/** A sort key per poll id: the plan's number, or a position between two numbers; Infinity when neither knows it. */
export function sessionPositions(planPolls: readonly Pick<PlannedPoll, 'scenarioId' | 'number'>[], indexOrder: readonly string[]): (id: string) => number {
  const numbers = new Map(planPolls.map(poll => [poll.scenarioId, poll.number]))
  return (id) => {
    const number = numbers.get(id)
    if (number !== undefined)
      return number
    const at = indexOrder.indexOf(id)
    if (at < 0)
      return Infinity
    const before = indexOrder.slice(0, at).flatMap(other => numbers.get(other) ?? [])
    // Between that number and the next; the index position keeps two such polls in index order.
    return Math.max(0, ...before) + 0.5 + at / (2 * (indexOrder.length + 1))
  }
}
