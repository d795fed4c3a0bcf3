import type { Ref } from 'vue'
import { useSharedStorage } from './useSharedStorage'

/**
 * How a poll slide shows its results. `showResults` and `compareRounds` come from the
 * poll server (every projector follows them); this browser keeps only `revealedOffline`.
 */
export interface PollDisplay {
  /** Show the live bars to the room before the reveal (off by default, so the room is not swayed). */
  showResults: boolean
  /** Show round 1 beside round 2. */
  compareRounds: boolean
  /** Answer shown without a poll server (manual mode): kept in this browser, followed by its projector window. */
  revealedOffline: boolean
}

export const DEFAULT_POLL_DISPLAY: Readonly<PollDisplay> = { showResults: false, compareRounds: false, revealedOffline: false }

/** Reads stored display flags, keeping only booleans it knows. */
export function parsePollDisplay(raw: unknown): PollDisplay | undefined {
  if (typeof raw !== 'object' || raw === null)
    return undefined
  const value = raw as Record<string, unknown>
  const flag = (key: keyof PollDisplay) => typeof value[key] === 'boolean' ? value[key] : DEFAULT_POLL_DISPLAY[key]
  return { showResults: flag('showResults'), compareRounds: flag('compareRounds'), revealedOffline: flag('revealedOffline') }
}

/** The display flags of one poll, shared by the deck's tabs. */
export function usePollDisplay(pollId: string): Ref<PollDisplay> {
  return useSharedStorage(`pm-workshop-poll-display:${pollId}`, { ...DEFAULT_POLL_DISPLAY }, parsePollDisplay)
}
