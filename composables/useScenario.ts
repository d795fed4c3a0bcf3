import type { MaybeRefOrGetter } from 'vue'
import library from 'virtual:scenario-library'
import { computed, toValue } from 'vue'
import { choiceLetter } from '../poll/choiceLetter'

/** The intended answer with its letter, e.g. "C · Both, together", as the reveal shows it. */
export function answerLabel(scenario: { choices: readonly string[], answer: string }): string {
  const index = scenario.choices.indexOf(scenario.answer)
  return index < 0 ? scenario.answer : `${choiceLetter(index)} · ${scenario.answer}`
}

/** Looks up a scenario and its section in the validated library the deck was built with. */
export function useScenario(id: MaybeRefOrGetter<string>) {
  const scenario = computed(() => library.scenarios.find(candidate => candidate.id === toValue(id)))
  const section = computed(() => library.sections.find(candidate => candidate.id === scenario.value?.section))
  return { scenario, section }
}
