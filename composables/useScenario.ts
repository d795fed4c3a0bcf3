import type { MaybeRefOrGetter } from 'vue'
import library from 'virtual:scenario-library'
import { computed, toValue } from 'vue'

/** Letters shown beside choices, so the room can say "B" out loud. */
export function choiceLetter(index: number): string {
  return String.fromCharCode(65 + index)
}

/** Looks up a scenario and its section in the validated library the deck was built with. */
export function useScenario(id: MaybeRefOrGetter<string>) {
  const scenario = computed(() => library.scenarios.find(candidate => candidate.id === toValue(id)))
  const section = computed(() => library.sections.find(candidate => candidate.id === scenario.value?.section))
  return { scenario, section }
}
