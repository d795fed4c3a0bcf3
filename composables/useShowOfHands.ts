import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { PollStatus, PresenterPoll } from '../poll/protocol'
import type { PollConnection } from './createPollConnection'
import type { Hands } from './useHands'
import { computed, toValue, watch } from 'vue'
import { useHands } from './useHands'
import { DEFAULT_POLL_DISPLAY, usePollDisplay } from './usePollDisplay'

export interface UseShowOfHandsOptions {
  /** The scenario id, which is the poll id. */
  id: string
  choiceCount: number
  connection: PollConnection
  /** The poll as the server last described it. */
  server: Readonly<Ref<PresenterPoll | undefined>>
  /** The server has this poll and the link is up. */
  live: Readonly<Ref<boolean>>
  /** True in the presenter view's tab: it saves a show of hands once the server is back. */
  saveHands: MaybeRefOrGetter<boolean>
  /** Why saving failed, in words. */
  onError: (message: string) => void
}

export interface UseShowOfHandsReturn {
  /** The counts typed by the presenter, kept in localStorage (every tab of the deck follows them). */
  tally: Readonly<Ref<Hands>>
  /** Some choice has a hand. */
  counted: ComputedRef<boolean>
  /** The answer was revealed during the show of hands (kept in this browser, followed by its projector window). */
  revealed: ComputedRef<boolean>
  /** Sets one choice's hands; the tally is unsaved again. */
  set: (choice: number, value: unknown) => void
  /** Shows or hides the answer of a show of hands. */
  setRevealed: (revealed: boolean) => void
  /** Clears the counts and hides the answer again. */
  clear: () => void
  /** Forgets the local display flags once the server has reset the poll. */
  forgetDisplay: () => void
}

/** Polls whose show of hands this tab is saving now: several instances of one slide save once. */
const savingHands = new Set<string>()

/**
 * The show of hands of one poll: counts the presenter types while no poll server answers,
 * the answer revealed on the slide itself, and the counts sent to the server once it is back.
 */
export function useShowOfHands({ id, choiceCount, connection, server, live, saveHands, onError }: UseShowOfHandsOptions): UseShowOfHandsReturn {
  const store = useHands(id, choiceCount)
  const display = usePollDisplay(id)
  const tally = store.state
  const counted = computed(() => tally.value.counts.some(count => count > 0))
  const revealed = computed(() => display.value.handsRevealed)

  function setRevealed(next: boolean): void {
    display.value = { ...display.value, handsRevealed: next }
  }

  /** Sends a show of hands taken offline once the server is back. */
  async function save(): Promise<void> {
    const taken = tally.value
    const poll = server.value
    if (!toValue(saveHands) || !live.value || !poll || taken.saved || !counted.value || savingHands.has(id))
      return
    savingHands.add(id)
    try {
      await connection.hands(id, Math.min(taken.round, poll.round), taken.counts)
      if (tally.value === taken)
        store.markSaved()
    }
    catch (caught) {
      onError(`Could not save the show of hands: ${caught instanceof Error ? caught.message : String(caught)} It is kept on this computer.`)
    }
    finally {
      savingHands.delete(id)
    }
    if (tally.value !== taken)
      void save()
  }
  watch([live, tally, () => toValue(saveHands)], () => void save(), { immediate: true })

  return {
    tally,
    counted,
    revealed,
    set: (choice, value) => store.setCount(choice, value, server.value?.round ?? tally.value.round),
    setRevealed,
    clear() {
      store.clear()
      setRevealed(false)
    },
    forgetDisplay() {
      display.value = { ...DEFAULT_POLL_DISPLAY }
    },
  }
}

export interface UseRevealHandOverOptions {
  hands: UseShowOfHandsReturn
  /** True where this instance may act: the current slide of the presenter view. */
  controls: Readonly<Ref<boolean>>
  live: Readonly<Ref<boolean>>
  /** The server's status while live. */
  status: Readonly<Ref<PollStatus>>
  /** The server would take a reveal now. */
  canReveal: Readonly<Ref<boolean>>
  /** Reveals on the server, as the presenter's R would. */
  reveal: () => Promise<void>
}

/**
 * An answer revealed during a show of hands is revealed on the server too, once the hands
 * are saved; like every control, only from the presenter view's current slide.
 */
export function useRevealHandOver({ hands, controls, live, status, canReveal, reveal }: UseRevealHandOverOptions): void {
  watch([controls, live, status, hands.tally], async () => {
    if (!controls.value || !live.value || !hands.revealed.value || !hands.tally.value.saved)
      return
    // Draft until the server's state after the hands arrives; open means the presenter moved on.
    if (status.value === 'revealed' || status.value === 'open')
      hands.setRevealed(false)
    else if (canReveal.value)
      await reveal()
  }, { immediate: true })
}
