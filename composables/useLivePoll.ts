import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { PeerStep } from '../poll/peerInstruction'
import type { ControlAction, PollStatus, RoundTally } from '../poll/protocol'
import type { PollConnection } from './createPollConnection'
import type { BarSeries } from './pollResults'
import type { PollDisplay } from './usePollDisplay'
import type { UseShowOfHandsReturn } from './useShowOfHands'
import { computed, shallowRef, toRef } from 'vue'
import { handsStep, peerStep } from '../poll/peerInstruction'
import { allowedActions } from '../poll/pollLifecycle'
import { useLinkGrace } from './linkGrace'
import { pollReconnectGraceMs, usePollConnection } from './usePollConnection'
import { DEFAULT_POLL_DISPLAY } from './usePollDisplay'
import { useRevealHandOver, useShowOfHands } from './useShowOfHands'

export interface UseLivePollOptions {
  /** The scenario id, which is the poll id. */
  id: string
  choiceCount: number
  /** Index of the intended answer: the show of hands reads its band against it. Null for scale and open polls: no peer instruction. */
  answer: number | null
  /** True where this instance may act: the current slide of the presenter view. */
  controls: MaybeRefOrGetter<boolean>
  /** True in the presenter view's tab: it saves a show of hands once the server is back. */
  saveHands?: MaybeRefOrGetter<boolean>
  /** How long a dropped link shows "reconnecting" before a show of hands; default from the headmatter (20 s). */
  graceMs?: number
}

/** What the room can be shown of a live poll, through the server. */
export type RoomDisplay = Pick<PollDisplay, 'showResults' | 'compareRounds'>

export interface UseLivePollReturn {
  connection: PollConnection
  /** The server has this poll and the link is up. */
  live: ComputedRef<boolean>
  /** The link dropped moments ago: the room keeps the last state and reads "reconnecting". */
  held: ComputedRef<boolean>
  /** The server's status, or the show of hands' (draft, or revealed once the presenter reveals). */
  status: ComputedRef<PollStatus>
  round: ComputedRef<number>
  rounds: ComputedRef<readonly RoundTally[]>
  /** Devices with a vote in the current round. */
  voted: ComputedRef<number>
  display: ComputedRef<PollDisplay>
  /** The show of hands taken while no server answers. */
  hands: UseShowOfHandsReturn
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
  /** Open, close, reveal, reset or start round 2: on the server, or on the slide during a show of hands. */
  act: (action: ControlAction) => Promise<void>
  /** Changes what every projector shows of the live poll. */
  setDisplay: (patch: Partial<RoomDisplay>) => void
  /** Presenter: stop waiting for the server and take a show of hands now. */
  takeHandsNow: () => void
}

/** One poll slide's state and the presenter's actions: live from the poll server, or a show of hands when there is none. */
export function useLivePoll({ id, choiceCount, answer, controls: controlsSource, saveHands = false, graceMs = pollReconnectGraceMs() }: UseLivePollOptions): UseLivePollReturn {
  const controls = toRef(controlsSource)
  const connection = usePollConnection()
  const { phase, takeHandsNow } = useLinkGrace({ status: connection.status, downSince: connection.downSince, graceMs })
  const pending = shallowRef<ControlAction | null>(null)
  const error = shallowRef('')

  const server = computed(() => connection.polls.value.get(id))
  const live = computed(() => connection.status.value === 'open' && server.value !== undefined)
  const held = computed(() => phase.value === 'reconnecting' && server.value !== undefined)
  const hands = useShowOfHands({ id, choiceCount, connection, server, live, saveHands, onError: message => error.value = message })
  /** The server's last word is what the room sees: live, or held through a short outage. */
  const fromServer = computed(() => live.value || held.value)
  /** Results shown and rounds compared come from the server, so any projector anywhere follows them. */
  const display = computed<PollDisplay>(() => ({
    ...DEFAULT_POLL_DISPLAY,
    ...(fromServer.value ? server.value!.display : {}),
    handsRevealed: hands.revealed.value,
  }))
  const status = computed<PollStatus>(() => {
    if (fromServer.value)
      return server.value!.status
    return hands.revealed.value ? 'revealed' : 'draft'
  })
  const round = computed(() => fromServer.value ? server.value!.round : 1)
  const rounds = computed<readonly RoundTally[]>(() => fromServer.value ? server.value!.rounds : [])
  const voted = computed(() => rounds.value[round.value - 1]?.voters ?? 0)

  const series = computed<BarSeries[]>(() => {
    if (!fromServer.value)
      return hands.counted.value ? [{ label: 'Show of hands', counts: hands.tally.value.counts }] : []
    const all = rounds.value
    const shown = display.value.compareRounds && all.length > 1 ? all : all.slice(round.value - 1, round.value)
    // Empty bars say nothing before the reveal: show the choices alone until someone votes.
    if (status.value !== 'revealed' && shown.every(tally => tally.voters === 0))
      return []
    return shown.map(tally => ({ label: `Round ${tally.round}`, counts: tally.counts }))
  })
  const resultsForRoom = computed(() => status.value === 'revealed' || display.value.showResults || (!fromServer.value && hands.counted.value))
  const allowed = computed(() => live.value ? allowedActions(status.value, round.value) : new Set<ControlAction>())
  const peer = computed(() => answer === null
    ? undefined
    : live.value
      ? peerStep({ status: status.value, round: round.value, rounds: rounds.value, answer: server.value!.answer ?? answer, comparing: display.value.compareRounds })
      : handsStep(hands.tally.value.counts, answer, hands.revealed.value))

  function setDisplay(patch: Partial<RoomDisplay>): void {
    if (Object.keys(patch).length === 0 || !controls.value || !live.value)
      return
    error.value = ''
    connection.display(id, patch).catch((caught: unknown) => {
      error.value = `Could not change what the room sees: ${caught instanceof Error ? caught.message : String(caught)}`
    })
  }

  async function act(action: ControlAction): Promise<void> {
    // While the link is being redialled nothing can reach the server, and the room still sees its last state.
    if (!controls.value || pending.value || held.value)
      return
    if (!live.value) {
      // A show of hands: the presenter reveals the answer on the slide itself.
      if (action === 'reveal')
        hands.setRevealed(true)
      else if (action === 'reset')
        hands.clear()
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
        hands.forgetDisplay()
    }
    catch (caught) {
      error.value = `Could not ${action.replace('-', ' ')}: ${caught instanceof Error ? caught.message : String(caught)}`
    }
    finally {
      pending.value = null
    }
  }

  useRevealHandOver({ hands, controls, live, status, canReveal: computed(() => allowed.value.has('reveal')), reveal: () => act('reveal') })

  return { connection, live, held, status, round, rounds, voted, display, hands, series, resultsForRoom, allowed, peer, pending, error, act, setDisplay, takeHandsNow }
}
