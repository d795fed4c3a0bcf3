import type { MaybeRefOrGetter } from 'vue'
import type { OpenPrompt, Prompt, ScalePrompt } from '../content/promptSchema'
import library from 'virtual:scenario-library'
import { computed, toValue } from 'vue'

/** Looks up a scale or open poll of the library the deck was built with. */
export function usePrompt(id: MaybeRefOrGetter<string>) {
  const prompt = computed<Prompt | undefined>(() => library.prompts.find(candidate => candidate.id === toValue(id)))
  return { prompt }
}

/** The points of a scale as the phones show them: "1" … "7". */
export function scaleLabels(prompt: Pick<ScalePrompt, 'min' | 'max'>): string[] {
  return Array.from({ length: prompt.max - prompt.min + 1 }, (_, point) => String(prompt.min + point))
}

export function isScale(prompt: Prompt | undefined): prompt is ScalePrompt {
  return prompt?.kind === 'scale'
}

export function isOpen(prompt: Prompt | undefined): prompt is OpenPrompt {
  return prompt?.kind === 'open'
}
