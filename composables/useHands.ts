import type { Ref } from 'vue'
import { MAX_HANDS_PER_CHOICE, MAX_ROUNDS } from '../poll/protocol'
import { useSharedStorage } from './useSharedStorage'

/** Show-of-hands counts the presenter typed while no poll server was reachable. */
export interface Hands {
  /** The round the hands were counted for (the poll's last known round). */
  round: number
  /** Hands per choice, in choice order. */
  counts: number[]
  /** True once the poll server has stored these counts. */
  saved: boolean
}

/** The most hands one choice can get, as the poll server accepts them. */
export const MAX_HANDS = MAX_HANDS_PER_CHOICE

/** Clamps a typed count to a whole number from 0 to MAX_HANDS (blank or junk is 0). */
export function toHandCount(value: unknown): number {
  const number = typeof value === 'number' ? value : Number.parseInt(String(value), 10)
  return Number.isFinite(number) ? Math.min(MAX_HANDS, Math.max(0, Math.trunc(number))) : 0
}

/** Reads a stored tally for a poll with `choices` choices, or undefined when it does not fit. */
export function parseHands(raw: unknown, choices: number): Hands | undefined {
  if (typeof raw !== 'object' || raw === null)
    return undefined
  const { round, counts, saved } = raw as Record<string, unknown>
  if (!Array.isArray(counts) || counts.length !== choices)
    return undefined
  const knownRound = typeof round === 'number' && Number.isInteger(round) && round >= 1 && round <= MAX_ROUNDS ? round : 1
  return { round: knownRound, counts: counts.map(toHandCount), saved: saved === true }
}

export interface UseHandsReturn {
  /** The counts; changes when this tab or another tab of the deck sets them. */
  state: Readonly<Ref<Hands>>
  /** Sets one choice's hands for `round`; the tally is unsaved again. */
  setCount: (choice: number, value: unknown, round?: number) => void
  markSaved: () => void
  clear: () => void
}

/** The show of hands of one poll, kept in localStorage (and so in every tab of the deck). */
export function useHands(pollId: string, choices: number): UseHandsReturn {
  const empty = (): Hands => ({ round: 1, counts: Array.from<number>({ length: choices }).fill(0), saved: false })
  // The storage key keeps its old name, so hands typed before the rename still load.
  const state = useSharedStorage(`pm-workshop-manual-tally:${pollId}`, empty(), raw => parseHands(raw, choices))
  return {
    state,
    setCount(choice, value, round = state.value.round) {
      const counts = [...state.value.counts]
      if (choice < 0 || choice >= counts.length)
        return
      counts[choice] = toHandCount(value)
      state.value = { round, counts, saved: false }
    },
    markSaved: () => state.value = { ...state.value, saved: true },
    clear: () => state.value = empty(),
  }
}
