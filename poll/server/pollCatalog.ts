import type { ScenarioLibrary } from '../../content/loadScenarios'
import type { Prompt } from '../../content/promptSchema'
import type { Scenario } from '../../content/scenarioSchema'
import type { PollDefinition } from '../pollDefinition'
import { loadScenarioLibrary } from '../../content/loadScenarios'

/** The poll of one choice scenario. */
function scenarioPoll(scenario: Scenario): PollDefinition {
  return {
    kind: 'choice',
    id: scenario.id,
    title: scenario.title,
    situation: scenario.situation,
    question: scenario.question,
    choices: [...scenario.choices],
    // The loader guarantees the answer is one of the choices.
    answer: scenario.choices.indexOf(scenario.answer),
    rationale: scenario.rationale,
    debrief: [...scenario.debrief],
  }
}

/** The poll of one scale or open library entry. */
function promptPoll(prompt: Prompt): PollDefinition {
  const common = { id: prompt.id, title: prompt.title, situation: prompt.situation ?? '', question: prompt.question, debrief: [...prompt.debrief] }
  return prompt.kind === 'scale'
    ? { kind: 'scale', ...common, min: prompt.min, max: prompt.max, minLabel: prompt.minLabel, maxLabel: prompt.maxLabel }
    : { kind: 'open', ...common, maxAnswers: prompt.maxAnswers }
}

/** The polls a scenario library offers, in teaching order (index.yaml's): one per scenario or scale/open poll, same id. */
export function definitionsFromLibrary(library: Pick<ScenarioLibrary, 'sections' | 'scenarios' | 'prompts'>): PollDefinition[] {
  const prompts = new Map(library.prompts.map(prompt => [prompt.id, prompt]))
  const scenarios = new Map(library.scenarios.map(scenario => [scenario.id, scenario]))
  return library.sections.flatMap(section => section.pollIds.flatMap((id) => {
    const scenario = scenarios.get(id)
    const prompt = prompts.get(id)
    return scenario ? [scenarioPoll(scenario)] : prompt ? [promptPoll(prompt)] : []
  }))
}

/** Loads and validates the scenario library (throws its located ScenarioLibraryError) and returns its polls. */
export function loadPollDefinitions(scenarioDir?: string): PollDefinition[] {
  return definitionsFromLibrary(loadScenarioLibrary(scenarioDir))
}
