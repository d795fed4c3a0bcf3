import type { ComputedRef, Ref } from 'vue'
import type { PollLinkStatus } from './createPollConnection'
import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { useSharedStorage } from './useSharedStorage'

/** How long the room keeps the join panel and "reconnecting" after the poll server drops, before a show of hands. */
export const DEFAULT_RECONNECT_GRACE_SECONDS = 20
/** The headmatter key in slides.md that changes that grace period, in seconds. */
export const RECONNECT_GRACE_HEADMATTER_KEY = 'pollReconnectGraceSeconds'

/** The grace period in ms from the headmatter value; anything that is not a number from 0 to 600 gives the default. */
export function reconnectGraceMs(headmatter: unknown): number {
  const seconds = typeof headmatter === 'string' && headmatter.trim() !== '' ? Number(headmatter) : headmatter
  const valid = typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 && seconds <= 600
  return (valid ? seconds : DEFAULT_RECONNECT_GRACE_SECONDS) * 1000
}

/**
 * `live`: the link is up. `reconnecting`: it dropped after a join, and the room keeps the
 * join panel and the last counts while it is redialled. `offline`: no server, the grace
 * period is over, or the presenter chose a show of hands.
 */
export type LinkPhase = 'live' | 'reconnecting' | 'offline'

export interface UseLinkGraceOptions {
  status: Readonly<Ref<PollLinkStatus>>
  /** When the joined link dropped (ms since the epoch); null while up or never joined. */
  downSince: Readonly<Ref<number | null>>
  graceMs: number
  now?: () => number
}

export interface UseLinkGraceReturn {
  phase: ComputedRef<LinkPhase>
  /** The presenter takes a show of hands now instead of waiting out the grace period (followed by this browser's other tabs). */
  takeHandsNow: () => void
}

/** One status truth for the room during a short outage: "reconnecting", in step with the phones, then a show of hands. */
export function useLinkGrace({ status, downSince, graceMs, now = Date.now }: UseLinkGraceOptions): UseLinkGraceReturn {
  const handsNow = useSharedStorage('pm-workshop-poll-hands-now', false, raw => typeof raw === 'boolean' ? raw : undefined)
  const expired = shallowRef(false)
  let timer: ReturnType<typeof setTimeout> | undefined

  watch([status, downSince], () => {
    clearTimeout(timer)
    timer = undefined
    if (status.value === 'open') {
      expired.value = false
      if (handsNow.value)
        handsNow.value = false
      return
    }
    const since = downSince.value
    if (since === null)
      return
    const left = since + graceMs - now()
    expired.value = left <= 0
    if (left > 0)
      timer = setTimeout(() => expired.value = true, left)
  }, { immediate: true })
  onScopeDispose(() => clearTimeout(timer))

  const phase = computed<LinkPhase>(() => {
    if (status.value === 'open')
      return 'live'
    return downSince.value !== null && !expired.value && !handsNow.value ? 'reconnecting' : 'offline'
  })
  return { phase, takeHandsNow: () => handsNow.value = true }
}
