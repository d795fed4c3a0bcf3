import type { PollConnection, PollLinkStatus } from '../../../composables/createPollConnection'
import type { ControlAction, CrowdedAddress, JoinInfo, PollDisplay, PresenterPoll } from '../../../poll/protocol'
import { shallowRef } from 'vue'

/** A poll connection the test drives: it records controls and lets the test play the server. */
export function fakePollConnection(status: PollLinkStatus = 'open') {
  const controls: { action: ControlAction, poll: string }[] = []
  const hands: { poll: string, round: number, counts: number[] }[] = []
  const displays: { poll: string, patch: Partial<PollDisplay> }[] = []
  const exclusions: string[] = []
  const moderations: { poll: string, keys: readonly string[] | 'pending', status: 'approved' | 'hidden' }[] = []
  const connection = {
    serverUrl: 'http://localhost:3040',
    status: shallowRef<PollLinkStatus>(status),
    downSince: shallowRef<number | null>(null),
    problem: shallowRef(status === 'unreachable' ? 'No poll server answers at http://localhost:3040.' : ''),
    join: shallowRef<JoinInfo | null>({ session: 'test', code: 'K7QFM', url: 'http://10.0.0.5:3040/K7QFM' }),
    participants: shallowRef(12),
    crowded: shallowRef<readonly CrowdedAddress[]>([]),
    current: shallowRef<string | null>(null),
    polls: shallowRef<ReadonlyMap<string, PresenterPoll>>(new Map()),
    async control(action: ControlAction, poll: string) {
      controls.push({ action, poll })
    },
    async hands(poll: string, round: number, counts: number[]) {
      hands.push({ poll, round, counts })
    },
    async display(poll: string, patch: Partial<PollDisplay>) {
      displays.push({ poll, patch })
      // Like the server: every presenter socket (projector windows too) gets the new state.
      const current = connection.polls.value.get(poll)
      if (current)
        setPoll({ ...current, display: { ...current.display, ...patch } })
    },
    async exclude(address: string) {
      exclusions.push(address)
      connection.crowded.value = connection.crowded.value.map(entry => entry.address === address ? { ...entry, excluded: true } : entry)
    },
    moderator: shallowRef(false),
    async moderate(poll: string, keys: readonly string[] | 'pending', status: 'approved' | 'hidden') {
      moderations.push({ poll, keys, status })
    },
    setModerator(on: boolean) {
      connection.moderator.value = on
    },
    useToken() {},
    retry() {},
    close() {},
  } satisfies PollConnection

  /** Plays a `state`/`tally` from the server for one poll. */
  function setPoll(poll: PresenterPoll): void {
    connection.polls.value = new Map([...connection.polls.value, [poll.id, poll]])
  }

  /** The link drops now: the slides read "reconnecting" through the grace period. */
  function dropLink(): void {
    connection.status.value = 'reconnecting'
    connection.downSince.value = Date.now()
  }

  return { connection, controls, hands, displays, exclusions, moderations, setPoll, dropLink }
}
