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
 * The answer people most often give instead of the intended one, by the shape of the
 * answer: the scenario files do not record it, and each kind fails in a typical way.
 */
export function usualWrongAnswer(scenario: Pick<Scenario, 'answer' | 'choices'>): string {
  const other = scenario.choices.find(choice => choice !== scenario.answer && !/both/i.test(choice)) ?? scenario.choices[0]!
  if (/both/i.test(scenario.answer))
    return 'One role alone: people answer the half of the request closest to their own job. Ask each camp which half they saw.'
  if (/^product manager$/i.test(scenario.answer))
    return 'Project manager, because the request arrives with a date or an effort attached. The date follows the decision; the decision is about what and why.'
  if (/^project manager$/i.test(scenario.answer))
    return 'Product manager, because a customer or a feature is mentioned. Nothing about what to build changes; only how and when.'
  return `${other}, the closest of the two classic roles. Practice names a third party here; say where teams differ.`
}
