// What the vote page shows, as plain data: a pure function of what the server said and
// what this phone did. The page renders it; tests check it without a browser.
import type { ConnectionStatus, VoteResult } from '../client'
import type { ErrorCode, ParticipantPoll, ServerMessage } from '../protocol'

export interface PhoneState {
  /** The join code in use; null shows the join form. */
  code: string | null
  /** The server has accepted the code (a snapshot came) at least once. */
  joined: boolean
  link: ConnectionStatus
  /** Why the join form is back (wrong code, …), in words. */
  joinError: string
  /** The poll the presenter shows now; null while there is none. */
  poll: ParticipantPoll | null
  /** A vote sent and not yet acknowledged. */
  sending: { poll: string, round: number, choice: number } | null
  /** The last vote the server refused, in words. */
  voteError: string
}

export const initialPhoneState: PhoneState = { code: null, joined: false, link: 'connecting', joinError: '', poll: null, sending: null, voteError: '' }

/** What the server says in a snapshot or poll update. */
export function withServerMessage(state: PhoneState, message: ServerMessage): PhoneState {
  if ((message.type === 'snapshot' && message.role === 'participant') || message.type === 'poll') {
    const poll = message.poll
    // A vote for a poll or round that is no longer shown is not "sending" any more.
    const sending = state.sending && poll && poll.id === state.sending.poll && poll.round === state.sending.round && poll.status === 'open'
      ? state.sending
      : null
    return { ...state, joined: true, poll, sending, voteError: sending ? state.voteError : '' }
  }
  return state
}

/** The phone chose a choice: shown as sending until the ack. */
export function withVoteSent(state: PhoneState, vote: { poll: string, round: number, choice: number }): PhoneState {
  return { ...state, sending: vote, voteError: '' }
}

const voteErrors: Partial<Record<ErrorCode, string>> = {
  'poll-not-open': 'Voting had closed before your vote arrived, so it did not count.',
  'wrong-round': 'The trainer started a new round before your vote arrived; please vote again.',
  'unknown-poll': 'That poll is no longer on the screen.',
}

/** The server acknowledged (committed) or refused a vote. */
export function withVoteResult(state: PhoneState, result: VoteResult): PhoneState {
  const { vote } = result
  const sending = state.sending && state.sending.poll === vote.poll && state.sending.round === vote.round && state.sending.choice === vote.choice
    ? null
    : state.sending
  if (!result.ok)
    return { ...state, sending, voteError: voteErrors[result.code] ?? 'Your vote was not saved; please try again.' }
  const poll = state.poll
  if (!poll || poll.id !== vote.poll)
    return { ...state, sending }
  const myVotes = [...poll.myVotes]
  myVotes[vote.round - 1] = vote.choice
  return { ...state, sending, voteError: '', poll: { ...poll, myVotes } }
}

/** Which screen the page shows. */
export type PhoneScreen = 'join' | 'connecting' | 'waiting' | 'vote' | 'revealed'

export function screenOf(state: PhoneState): PhoneScreen {
  if (state.code === null)
    return 'join'
  if (!state.joined)
    return 'connecting'
  if (!state.poll || state.poll.status === 'draft')
    return 'waiting'
  return state.poll.status === 'revealed' ? 'revealed' : 'vote'
}

/** This phone's vote in the poll's current round, as the server has it. */
export function savedVote(poll: ParticipantPoll): number | null {
  return poll.myVotes[poll.round - 1] ?? null
}

/** The choice to show as picked: the one being sent, else the saved one. */
export function shownVote(state: PhoneState): number | null {
  const { poll, sending } = state
  if (!poll)
    return null
  if (sending && sending.poll === poll.id && sending.round === poll.round)
    return sending.choice
  return savedVote(poll)
}

/** The line under the choices; "received" only once the server acknowledged. */
export function voteStatus(state: PhoneState, letter: (index: number) => string): string {
  const { poll } = state
  if (!poll)
    return ''
  if (state.voteError)
    return state.voteError
  const shown = shownVote(state)
  if (state.sending && shown !== null) {
    return state.link === 'open'
      ? `Sending your vote (${letter(shown)})…`
      : `No connection: your vote (${letter(shown)}) will be sent when it is back.`
  }
  const saved = savedVote(poll)
  if (poll.status === 'open')
    return saved === null ? 'Tap your answer.' : `Vote received: ${letter(saved)}. You can change it while voting is open.`
  return saved === null ? 'Voting is closed. You did not vote this round.' : `Voting is closed. Your vote: ${letter(saved)}.`
}

/** The connection badge. */
export function linkLabel(link: ConnectionStatus): string {
  switch (link) {
    case 'open':
      return 'Connected'
    case 'connecting':
      return 'Connecting…'
    case 'reconnecting':
      return 'Reconnecting…'
    case 'stopped':
      return 'Disconnected'
  }
}
