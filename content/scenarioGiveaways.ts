// Warnings for answers a room could guess without reading the situation: a section whose
// answers sit on the same choice position, or a title or question that names the answer.
// Pure: takes validated scenarios, returns warnings with the field (or section) to point at;
// scripts/scenarios-check.ts locates them as file:line:col.

import type { Scenario } from './scenarioSchema.ts'
import type { SectionId } from './sections.ts'
import { toneOf } from './roleTone.ts'

/** Largest share of a section's answers that may sit on one choice position. */
export const MAX_POSITION_SHARE = 0.4

/**
 * Sections with fewer scenarios are not checked for positions: with four or fewer, two answers
 * on the same position already exceed 40%, so the check would only say "add scenarios".
 */
export const MIN_SCENARIOS_FOR_POSITION_CHECK = 5

/**
 * Words in a title or question that point at one answer role. A warning fires only when the word
 * points at the scenario's own intended answer; the same word pointing elsewhere is a fair red herring.
 * Matched case-insensitively as whole words (a trailing `*` matches any ending, e.g. `priorit*`).
 * The role's own name counts, and so do "why", "how" and "when", the kit's shorthand for the
 * roles: a title that asks "Why are we building this?" already names the product manager.
 */
export const GIVEAWAY_WORDS = {
  product: ['product', 'why', 'roadmap', 'vision', 'strategy', 'strategic', 'priorit*', 'actually need*', 'really need*', 'users want', 'customers want', 'what to build'],
  project: ['project', 'how', 'when', 'timeline', 'schedule*', 'deadline*', 'task plan', 'milestone*', 'on time', 'resourc*', 'day-to-day plan'],
  both: ['both', 'together', 'jointly', 'shared call'],
} as const satisfies Record<'product' | 'project' | 'both', readonly string[]>

export type AnswerRole = keyof typeof GIVEAWAY_WORDS | 'other'

/** The role an answer names, from its words: "Move to the project ladder" is project, "Incident lead" is other. */
export function answerRole(answer: string): AnswerRole {
  const tone = toneOf(answer)
  return tone === 'neutral' ? 'other' : tone
}

/** One warning about a scenario's field, or about a whole section of the index. */
export type GiveawayWarning
  = | { kind: 'position', section: SectionId, message: string }
    | { kind: 'words', scenarioId: string, field: 'title' | 'question', message: string }

function wordPattern(word: string): RegExp {
  const stem = word.endsWith('*') ? word.slice(0, -1) : word
  const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')
  return new RegExp(`\\b${escaped}${word.endsWith('*') ? '\\w*' : '\\b'}`, 'i')
}

/** The give-away words for a scenario's answer: its role's list, or for any other answer its own distinctive words. */
export function giveawayWordsFor(answer: string): string[] {
  const role = answerRole(answer)
  if (role !== 'other')
    return [...GIVEAWAY_WORDS[role]]
  // "Incident lead", "Scrum Master": a title that says "incident" or "Scrum" points straight at it.
  const stopWords = new Set(['the', 'a', 'an', 'of', 'to', 'on', 'in', 'and', 'or', 'for', 'yet', 'who', 'what', 'must', 'decide', 'team', 'manager', 'lead', 'it', 'depends'])
  return answer.toLowerCase().split(/[^a-z-]+/).filter(word => word.length > 2 && !stopWords.has(word))
}

/** Which give-away words for `answer` occur in `text`, in list order. */
export function giveawaysIn(text: string, answer: string): string[] {
  return giveawayWordsFor(answer).filter(word => wordPattern(word).test(text))
}

/** 1-based position of each scenario's answer among its choices. */
function answerPosition(scenario: Scenario): number {
  return scenario.choices.indexOf(scenario.answer) + 1
}

/** Warns for every section whose answers cluster on one position, and every title or question that names its answer. */
export function findGiveaways(sections: readonly { id: SectionId, scenarioIds: readonly string[] }[], byId: ReadonlyMap<string, Scenario>): GiveawayWarning[] {
  const warnings: GiveawayWarning[] = []
  for (const section of sections) {
    const scenarios = section.scenarioIds.map(id => byId.get(id)).filter((scenario): scenario is Scenario => scenario !== undefined)
    if (scenarios.length >= MIN_SCENARIOS_FOR_POSITION_CHECK) {
      const counts = new Map<number, string[]>()
      for (const scenario of scenarios)
        counts.set(answerPosition(scenario), [...(counts.get(answerPosition(scenario)) ?? []), scenario.id])
      for (const [position, ids] of [...counts].sort(([a], [b]) => a - b)) {
        if (ids.length / scenarios.length > MAX_POSITION_SHARE) {
          const share = Math.round(100 * ids.length / scenarios.length)
          warnings.push({
            kind: 'position',
            section: section.id,
            message: `the answer is choice ${position} in ${ids.length} of ${scenarios.length} scenarios (${share}%: ${ids.join(', ')}); keep each position within ${100 * MAX_POSITION_SHARE}% by varying the order of choices`,
          })
        }
      }
    }
    for (const scenario of scenarios) {
      for (const field of ['title', 'question'] as const) {
        const found = giveawaysIn(scenario[field], scenario.answer)
        if (found.length > 0) {
          warnings.push({
            kind: 'words',
            scenarioId: scenario.id,
            field,
            message: `${found.map(word => `"${word.replace('*', '')}"`).join(', ')} points at the answer "${scenario.answer}"; phones show this line, so reword it to describe the situation, not the owner`,
          })
        }
      }
    }
  }
  return warnings
}
