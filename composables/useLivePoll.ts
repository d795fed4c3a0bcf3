import type { ComputedRef, Ref } from 'vue'
import type { PeerStep } from '../poll/peerInstruction'
import type { ControlAction, PollStatus, PresenterPoll, RoundTally } from '../poll/protocol'
import type { PollConnection } from './createPollConnection'
import type { LinkPhase } from './linkGrace'
import type { BarSeries } from './pollResults'
import type { Hands } from './useHands'
import type { PollDisplay } from './usePollDisplay'
import { computed, onScopeDispose, shallowRef, watch } from 'vue'
import { handsStep, peerStep } from '../poll/peerInstruction'
import { allowedActions } from '../poll/pollMachine'
import { useLinkGrace } from './linkGrace'
import { registerPollShortcuts } from './pollShortcuts'
import { useHands } from './useHands'
import { pollReconnectGraceMs, usePollConnection } from './usePollConnection'
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
  /** How long a dropped link shows "reconnecting" before a show of hands; default from the headmatter (20 s). */
  graceMs?: number
}

export interface UseLivePollReturn {
  connection: PollConnection
  /** The server has this poll and the link is up. */
  live: ComputedRef<boolean>
  /** The link dropped moments ago: the room keeps the last state and reads "reconnecting". */
  held: ComputedRef<boolean>
  phase: ComputedRef<LinkPhase>
  /** The poll as the server last described it. */
  server: ComputedRef<PresenterPoll | undefined>
  /** The server's status; during a show of hands, draft (or revealed once the presenter reveals). */
  status: ComputedRef<PollStatus>
  round: ComputedRef<number>
  rounds: ComputedRef<readonly RoundTally[]>
  /** Devices with a vote in the current round. */
  voted: ComputedRef<number>
  display: Readonly<Ref<PollDisplay>>
  /** The show of hands typed in while there is no poll server (kept in this browser). */
  hands: Readonly<Ref<Hands>>
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
  /** Presenter: stop waiting for the server and take a show of hands now. */
  takeHandsNow: () => void
}

/** Polls whose show of hands this tab is saving now: several instances of one slide save once. */
const savingHands = new Set<string>()

/** One poll slide's state and actions: live from the poll server, or a show of hands when there is none. */
export function useLivePoll({ id, choiceCount, answer, controls, saveHands = shallowRef(false), graceMs = pollReconnectGraceMs() }: UseLivePollOptions): UseLivePollReturn {
  const connection = usePollConnection()
  const { phase, takeHandsNow } = useLinkGrace({ status: connection.status, downSince: connection.downSince, graceMs })
  const displayStore = usePollDisplay(id)
  const handsStore = useHands(id, choiceCount)
  const hands = handsStore.state
  const pending = shallowRef<ControlAction | null>(null)
  const error = shallowRef('')

  const server = computed(() => connection.polls.value.get(id))
  const live = computed(() => connection.status.value === 'open' && server.value !== undefined)
  const held = computed(() => phase.value === 'reconnecting' && server.value !== undefined)
  /** The server's last word is what the room sees: live, or held through a short outage. */
  const fromServer = computed(() => live.value || held.value)
  /** Results shown and rounds compared come from the server, so any projector anywhere follows them. */
  const display = computed<PollDisplay>(() => ({
    ...DEFAULT_POLL_DISPLAY,
    ...(fromServer.value ? server.value!.display : {}),
    handsRevealed: displayStore.state.value.handsRevealed,
  }))
  const status = computed<PollStatus>(() => {
    if (fromServer.value)
      return server.value!.status
    return display.value.handsRevealed ? 'revealed' : 'draft'
  })
  const round = computed(() => fromServer.value ? server.value!.round : 1)
  const rounds = computed<readonly RoundTally[]>(() => fromServer.value ? server.value!.rounds : [])
  const voted = computed(() => rounds.value[round.value - 1]?.voters ?? 0)
  const anyHands = computed(() => hands.value.counts.some(count => count > 0))

  const series = computed<BarSeries[]>(() => {
    if (!fromServer.value)
      return anyHands.value ? [{ label: 'Show of hands', counts: hands.value.counts }] : []
    const all = rounds.value
    const shown = display.value.compareRounds && all.length > 1 ? all : all.slice(round.value - 1, round.value)
    // Empty bars say nothing before the reveal: show the choices alone until someone votes.
    if (status.value !== 'revealed' && shown.every(tally => tally.voters === 0))
      return []
    return shown.map(tally => ({ label: `Round ${tally.round}`, counts: tally.counts }))
  })
  const resultsForRoom = computed(() => status.value === 'revealed' || display.value.showResults || (!fromServer.value && anyHands.value))
  const allowed = computed(() => live.value ? allowedActions(status.value, round.value) : new Set<ControlAction>())
  const peer = computed(() => live.value
    ? peerStep({ status: status.value, round: round.value, rounds: rounds.value, answer: server.value!.answer, comparing: display.value.compareRounds })
    : handsStep(hands.value.counts, answer, display.value.handsRevealed))

  function setDisplay(patch: Partial<PollDisplay>): void {
    const { handsRevealed, ...forRoom } = patch
    if (handsRevealed !== undefined)
      displayStore.set({ ...displayStore.state.value, handsRevealed })
    if (Object.keys(forRoom).length > 0 && controls.value && live.value) {
      error.value = ''
      connection.display(id, forRoom).catch((caught: unknown) => {
        error.value = `Could not change what the room sees: ${caught instanceof Error ? caught.message : String(caught)}`
      })
    }
  }

  async function act(action: ControlAction): Promise<void> {
    // While the link is being redialled nothing can reach the server, and the room still sees its last state.
    if (!controls.value || pending.value || held.value)
      return
    if (!live.value) {
      // Show of hands: the presenter reveals the answer on the slide itself.
      if (action === 'reveal')
        setDisplay({ handsRevealed: true })
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
      // The server resets what the room sees itself; only the local show-of-hands reveal is left.
      if (action === 'reset')
        displayStore.set({ ...DEFAULT_POLL_DISPLAY })
    }
    catch (caught) {
      error.value = `Could not ${action.replace('-', ' ')}: ${caught instanceof Error ? caught.message : String(caught)}`
    }
    finally {
      pending.value = null
    }
  }

  function setHands(choice: number, value: unknown): void {
    handsStore.setCount(choice, value, server.value?.round ?? hands.value.round)
  }

  /** Sends a show of hands taken offline once the server is back. */
  async function saveHandsToServer(): Promise<void> {
    const typed = hands.value
    const poll = server.value
    if (!saveHands.value || !live.value || !poll || typed.saved || !anyHands.value || savingHands.has(id))
      return
    savingHands.add(id)
    try {
      await connection.hands(id, Math.min(typed.round, poll.round), typed.counts)
      if (hands.value === typed)
        handsStore.markSaved()
    }
    catch (caught) {
      error.value = `Could not save the show of hands: ${caught instanceof Error ? caught.message : String(caught)} It is kept on this computer.`
    }
    finally {
      savingHands.delete(id)
    }
    if (hands.value !== typed)
      void saveHandsToServer()
  }
  watch([live, hands, saveHands], () => void saveHandsToServer(), { immediate: true })

  // An answer revealed during a show of hands is revealed on the server too, once the hands
  // are saved; like every control, only from the presenter view's current slide.
  watch([controls, live, status, hands], async () => {
    if (!controls.value || !live.value || !display.value.handsRevealed || !hands.value.saved)
      return
    // Draft until the server's state after the hands arrives; open means the presenter moved on.
    if (status.value === 'revealed' || status.value === 'open')
      setDisplay({ handsRevealed: false })
    else if (allowed.value.has('reveal'))
      await act('reveal')
  }, { immediate: true })

  function clearHands(): void {
    handsStore.clear()
    setDisplay({ handsRevealed: false })
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
    held,
    phase,
    server,
    status,
    round,
    rounds,
    voted,
    display,
    hands,
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
    takeHandsNow,
  }
}
