import type { ComputedRef, Ref } from 'vue'
import type { PeerStep } from '../poll/peerInstruction'
import type { ControlAction, PollStatus, PresenterPoll, RoundTally } from '../poll/protocol'
import type { PollConnection } from './createPollConnection'
import type { BarSeries } from './pollResults'
import type { ManualTally } from './useManualTally'
import type { PollDisplay } from './usePollDisplay'
import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { handsStep, peerStep } from '../poll/peerInstruction'
import { allowedActions } from '../poll/pollMachine'
import { registerPollShortcuts } from './pollShortcuts'
import { useManualTally } from './useManualTally'
import { usePollConnection } from './usePollConnection'
import { DEFAULT_POLL_DISPLAY, usePollDisplay } from './usePollDisplay'

export interface UseLivePollOptions {
  /** The scenario id, which is the poll id. */
  id: string
  choiceCount: number
  /** Index of the intended answer: the show of hands reads its band against it. */
  answer: number
  /** True where this instance may act: the current slide of the presenter view. */
  controls: Readonly<Ref<boolean>>
  /** True in the presenter view's tab: it saves a show of hands once the server is back. */
  saveHands?: Readonly<Ref<boolean>>
}

export interface UseLivePollReturn {
  connection: PollConnection
  /** The server has this poll and the link is up. */
  live: ComputedRef<boolean>
  /** The poll as the server last described it. */
  server: ComputedRef<PresenterPoll | undefined>
  /** The server's status, or the manual mode's (draft, or revealed once the presenter reveals). */
  status: ComputedRef<PollStatus>
  round: ComputedRef<number>
  rounds: ComputedRef<readonly RoundTally[]>
  /** Devices with a vote in the current round. */
  voted: ComputedRef<number>
  display: Readonly<Ref<PollDisplay>>
  manual: Readonly<Ref<ManualTally>>
  /** Bars to draw; empty when there is nothing to count yet. */
  series: ComputedRef<BarSeries[]>
  /** Whether the room (the projector) sees the bars. */
  resultsForRoom: ComputedRef<boolean>
  allowed: ComputedRef<ReadonlySet<ControlAction>>
  /** Peer instruction: round 1's band and the suggested next step; for the presenter's eyes only. */
  peer: ComputedRef<PeerStep | undefined>
  /** A control on its way to the server. */
  pending: Readonly<Ref<ControlAction | null>>
  /** Why the last control failed, in words. */
  error: Readonly<Ref<string>>
  act: (action: ControlAction) => Promise<void>
  setDisplay: (patch: Partial<PollDisplay>) => void
  setHands: (choice: number, value: unknown) => void
  clearHands: () => void
}

/** Polls whose show of hands this tab is saving now: several instances of one slide save once. */
const savingHands = new Set<string>()

/** One poll slide's state and actions: live from the poll server, or a show of hands when there is none. */
export function useLivePoll({ id, choiceCount, answer, controls, saveHands = shallowRef(false) }: UseLivePollOptions): UseLivePollReturn {
  const connection = usePollConnection()
  const displayStore = usePollDisplay(id)
  const manualStore = useManualTally(id, choiceCount)
  const display = displayStore.state
  const manual = manualStore.state
  const pending = shallowRef<ControlAction | null>(null)
  const error = shallowRef('')

  const server = computed(() => connection.polls.value.get(id))
  const live = computed(() => connection.status.value === 'open' && server.value !== undefined)
  const status = computed<PollStatus>(() => {
    if (live.value)
      return server.value!.status
    return display.value.revealedOffline ? 'revealed' : 'draft'
  })
  const round = computed(() => live.value ? server.value!.round : 1)
  const rounds = computed<readonly RoundTally[]>(() => live.value ? server.value!.rounds : [])
  const voted = computed(() => rounds.value[round.value - 1]?.voters ?? 0)
  const hands = computed(() => manual.value.counts.some(count => count > 0))

  const series = computed<BarSeries[]>(() => {
    if (!live.value)
      return hands.value ? [{ label: 'Show of hands', counts: manual.value.counts }] : []
    const all = rounds.value
    const shown = display.value.compareRounds && all.length > 1 ? all : all.slice(round.value - 1, round.value)
    // Empty bars say nothing before the reveal: show the choices alone until someone votes.
    if (status.value !== 'revealed' && shown.every(tally => tally.voters === 0))
      return []
    return shown.map(tally => ({ label: `Round ${tally.round}`, counts: tally.counts }))
  })
  const resultsForRoom = computed(() => status.value === 'revealed' || display.value.showResults || (!live.value && hands.value))
  const allowed = computed(() => live.value ? allowedActions(status.value, round.value) : new Set<ControlAction>())
  const peer = computed(() => live.value
    ? peerStep({ status: status.value, round: round.value, rounds: rounds.value, answer: server.value!.answer, comparing: display.value.compareRounds })
    : handsStep(manual.value.counts, answer, display.value.revealedOffline))

  function setDisplay(patch: Partial<PollDisplay>): void {
    displayStore.set({ ...display.value, ...patch })
  }

  async function act(action: ControlAction): Promise<void> {
    if (!controls.value || pending.value)
      return
    if (!live.value) {
      // Manual mode: the presenter reveals the answer on the slide itself.
      if (action === 'reveal')
        setDisplay({ revealedOffline: true })
      else if (action === 'reset')
        clearHands()
      return
    }
    if (!allowed.value.has(action))
      return
    pending.value = action
    error.value = ''
    try {
      await connection.control(action, id)
      if (action === 'reset')
        displayStore.set({ ...DEFAULT_POLL_DISPLAY })
      else if (action === 'next-round')
        setDisplay({ showResults: false })
    }
    catch (caught) {
      error.value = `Could not ${action.replace('-', ' ')}: ${caught instanceof Error ? caught.message : String(caught)}`
    }
    finally {
      pending.value = null
    }
  }

  function setHands(choice: number, value: unknown): void {
    manualStore.setCount(choice, value, server.value?.round ?? manual.value.round)
  }

  /** Sends a show of hands taken offline once the server is back. */
  async function saveHandsToServer(): Promise<void> {
    const tally = manual.value
    const poll = server.value
    if (!saveHands.value || !live.value || !poll || tally.saved || !hands.value || savingHands.has(id))
      return
    savingHands.add(id)
    try {
      await connection.manualTally(id, Math.min(tally.round, poll.round), tally.counts)
      if (manual.value === tally)
        manualStore.markSaved()
    }
    catch (caught) {
      error.value = `Could not save the show of hands: ${caught instanceof Error ? caught.message : String(caught)} It is kept on this computer.`
    }
    finally {
      savingHands.delete(id)
    }
    if (manual.value !== tally)
      void saveHandsToServer()
  }
  watch([live, manual, saveHands], () => void saveHandsToServer(), { immediate: true })

  // An answer revealed during a show of hands is revealed on the server too, once the hands
  // are saved; like every control, only from the presenter view's current slide.
  watch([controls, live, status, manual], async () => {
    if (!controls.value || !live.value || !display.value.revealedOffline || !manual.value.saved)
      return
    // Draft until the server's state after the hands arrives; open means the presenter moved on.
    if (status.value === 'revealed' || status.value === 'open')
      setDisplay({ revealedOffline: false })
    else if (allowed.value.has('reveal'))
      await act('reveal')
  }, { immediate: true })

  function clearHands(): void {
    manualStore.clear()
    setDisplay({ revealedOffline: false })
  }

  // Only the presenter view's current slide answers the poll keys.
  let unregister: (() => void) | undefined
  watch(controls, (on) => {
    unregister?.()
    unregister = on
      ? registerPollShortcuts(shortcut => void act(shortcut))
      : undefined
  }, { immediate: true })
  onScopeDispose(() => unregister?.())

  return {
    connection,
    live,
    server,
    status,
    round,
    rounds,
    voted,
    display,
    manual,
    series,
    resultsForRoom,
    allowed,
    peer,
    pending,
    error,
    act,
    setDisplay,
    setHands,
    clearHands,
  }
}
