// The scenarios of one session as every document numbers them: the polls in deck order
// ("Poll 3", the same number as on the slide and the phone), then the spares, which go
// home as self-study ("Self-study 4").
import type { DeckPlan } from '../content/deckPlan.ts'
import type { ScenarioLibrary } from '../content/loadScenarios.ts'
import type { Scenario } from '../content/scenarioSchema.ts'

export interface NumberedScenario {
  scenario: Scenario
  /** "Poll 3" or "Self-study 4". */
  label: string
  /** The deck slide that polls it; undefined for a spare. */
  slide?: number
}

export interface SessionScenarios {
  polls: NumberedScenario[]
  /** Library scenarios the plan does not poll, in library order. */
  spares: NumberedScenario[]
}

/** Splits the library into the plan's numbered polls and the self-study spares. */
export function sessionScenarios(library: ScenarioLibrary, deck: Pick<DeckPlan, 'polls'>): SessionScenarios {
  const polls = deck.polls.flatMap((poll) => {
    const scenario = library.byId.get(poll.scenarioId)
    return scenario ? [{ scenario, label: `Poll ${poll.number}`, slide: poll.slide }] : []
  })
  const polled = new Set(deck.polls.map(poll => poll.scenarioId))
  const spares = library.scenarios
    .filter(scenario => !polled.has(scenario.id))
    .map((scenario, index) => ({ scenario, label: `Self-study ${index + 1}` }))
  return { polls, spares }
}

/**
 * The choice a room usually picks instead of the answer: the scenario's `tempting` field, which its author
 * sets from experience. Without one the guide says so rather than guess.
 */
export function usualWrongAnswer(scenario: Pick<Scenario, 'tempting'>): string {
  return scenario.tempting
    ?? 'Not recorded for this scenario: watch which choice gathers most of the wrong votes, and ask that camp what they saw.'
}
