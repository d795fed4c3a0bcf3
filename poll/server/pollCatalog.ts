import type { ScenarioLibrary } from '../../content/loadScenarios'
import type { PollDefinition } from '../pollDefinition'
import { loadScenarioLibrary } from '../../content/loadScenarios'

/** The polls a scenario library offers, in teaching order: one per scenario, same id. */
export function definitionsFromLibrary(library: Pick<ScenarioLibrary, 'scenarios'>): PollDefinition[] {
  return library.scenarios.map(scenario => ({
    id: scenario.id,
    title: scenario.title,
    situation: scenario.situation,
    question: scenario.question,
    choices: [...scenario.choices],
    // The loader guarantees the answer is one of the choices.
    answer: scenario.choices.indexOf(scenario.answer),
    rationale: scenario.rationale,
    debrief: [...scenario.debrief],
  }))
}

/** Loads and validates the scenario library (throws its located ScenarioLibraryError) and returns its polls. */
export function loadPollDefinitions(scenarioDir?: string): PollDefinition[] {
  return definitionsFromLibrary(loadScenarioLibrary(scenarioDir))
}
