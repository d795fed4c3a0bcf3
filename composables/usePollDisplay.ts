import type { Ref } from 'vue'
import { useSharedStorage } from './useSharedStorage'

/**
 * How a poll slide shows its results. `showResults` and `compareRounds` come from the
 * poll server (every projector follows them); this browser keeps only `handsRevealed`.
 */
export interface PollDisplay {
  /** Show the live bars to the room before the reveal (off by default, so the room is not swayed). */
  showResults: boolean
  /** Show round 1 beside round 2. */
  compareRounds: boolean
  /** Answer shown after a show of hands, without a poll server: kept in this browser, followed by its projector window. */
  handsRevealed: boolean
}

export const DEFAULT_POLL_DISPLAY: Readonly<PollDisplay> = { showResults: false, compareRounds: false, handsRevealed: false }

/** Reads stored display flags, keeping only booleans it knows (and `revealedOffline`, the name `handsRevealed` was stored under before). */
export function parsePollDisplay(raw: unknown): PollDisplay | undefined {
  if (typeof raw !== 'object' || raw === null)
    return undefined
  const value = raw as Record<string, unknown>
  const flag = (key: keyof PollDisplay) => typeof value[key] === 'boolean' ? value[key] : DEFAULT_POLL_DISPLAY[key]
  const handsRevealed = typeof value.handsRevealed === 'boolean' ? value.handsRevealed : value.revealedOffline
  return { showResults: flag('showResults'), compareRounds: flag('compareRounds'), handsRevealed: typeof handsRevealed === 'boolean' ? handsRevealed : DEFAULT_POLL_DISPLAY.handsRevealed }
}

/** The display flags of one poll, shared by the deck's tabs. */
export function usePollDisplay(pollId: string): Ref<PollDisplay> {
  return useSharedStorage(`pm-workshop-poll-display:${pollId}`, { ...DEFAULT_POLL_DISPLAY }, parsePollDisplay)
}
