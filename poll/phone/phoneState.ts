// What the vote page shows, as plain data: a pure function of what the server said and
// what this phone did. The page renders it; tests check it without a browser.
import type { ConnectionStatus, PendingVote } from '../client'
import type { ErrorCode, ParticipantPoll, ServerMessage } from '../protocol'
import { answerKey, graphemeCount, MAX_RAW_ANSWER_LENGTH, normaliseAnswer } from '../answerText'

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
  /** An open answer sent and not yet acknowledged. */
  answering: SentAnswer | null
  /** Why the last answer was not stored, in words (its text stays in the field). */
  answerError: string
}

export interface SentAnswer { poll: string, round: number, text: string }

export const initialPhoneState: PhoneState = { code: null, joined: false, link: 'connecting', joinError: '', poll: null, sending: null, voteError: '', answering: null, answerError: '' }

function sameRound(poll: ParticipantPoll | null, sent: { poll: string, round: number }): boolean {
  return poll !== null && poll.id === sent.poll && poll.round === sent.round
}

/** What the server says in a snapshot or poll update. */
export function withServerMessage(state: PhoneState, message: ServerMessage): PhoneState {
  if ((message.type === 'snapshot' && message.role === 'participant') || message.type === 'poll') {
    const poll = message.poll
    // A vote for a poll or round that is no longer shown is not "sending" any more.
    const sending = state.sending && poll && poll.id === state.sending.poll && poll.round === state.sending.round && poll.status === 'open'
      ? state.sending
      : null
    const answering = state.answering && poll?.status === 'open' && sameRound(poll, state.answering) ? state.answering : null
    // An answer error belongs to its poll and round; a new question starts clean.
    const answerError = state.poll && poll && sameRound(poll, { poll: state.poll.id, round: state.poll.round }) ? state.answerError : ''
    return { ...state, joined: true, poll, sending, voteError: sending ? state.voteError : '', answering, answerError }
  }
  return state
}

/** The phone chose a choice: shown as sending until the ack. */
export function withVoteSent(state: PhoneState, vote: { poll: string, round: number, choice: number }): PhoneState {
  return { ...state, sending: vote, voteError: '' }
}

const voteErrors: Partial<Record<ErrorCode | 'offline', string>> = {
  'poll-not-open': 'Voting had closed before your vote arrived, so it did not count.',
  'wrong-round': 'The trainer started a new round before your vote arrived; please vote again.',
  'unknown-poll': 'That poll is no longer on the screen.',
  'bad-value': 'That number is not on this scale; tap one of the numbers shown.',
  'offline': 'No connection: your answer was not sent. Tap it again when the connection is back.',
}

/** A vote's outcome: the client's (choice polls, resent until acked) or a scale request's, which can also fail offline. */
export type PhoneVoteResult = { ok: true, vote: PendingVote } | { ok: false, vote: PendingVote, code: ErrorCode | 'offline', message: string }

/** The server acknowledged (committed) or refused a vote (a choice, or a scale point's index). */
export function withVoteResult(state: PhoneState, result: PhoneVoteResult): PhoneState {
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

/** The line under the choices or the scale; "received" only once the server acknowledged. */
export function voteStatus(state: PhoneState, letter: (index: number) => string): string {
  const { poll } = state
  if (!poll)
    return ''
  if (state.voteError)
    return state.voteError
  // A scale point is an answer, not a vote for an option.
  const [noun, Noun] = poll.kind === 'scale' ? ['answer', 'Answer'] : ['vote', 'Vote']
  const shown = shownVote(state)
  if (state.sending && shown !== null) {
    return state.link === 'open'
      ? `Sending your ${noun} (${letter(shown)})…`
      : `No connection: your ${noun} (${letter(shown)}) will be sent when it is back.`
  }
  const saved = savedVote(poll)
  if (poll.status === 'open')
    return saved === null ? 'Tap your answer.' : `${Noun} received: ${letter(saved)}. You can change it while voting is open.`
  return saved === null ? `Voting is closed. You did not ${poll.kind === 'scale' ? 'answer' : 'vote'} this round.` : `Voting is closed. Your ${noun}: ${letter(saved)}.`
}

/** A scale point's value from its index (the wire and `myVotes` use the index). */
export function scaleValue(poll: ParticipantPoll, index: number): number {
  return (poll.scale?.min ?? 1) + index
}

// ---- Open answers ----------------------------------------------------------------

/** This phone's stored answers in the poll's current round. */
export function myAnswers(poll: ParticipantPoll): string[] {
  return poll.myAnswers[poll.round - 1] ?? []
}

/** The phone may send another answer this round. */
export function canAnswer(poll: ParticipantPoll): boolean {
  return poll.status === 'open' && myAnswers(poll).length < (poll.open?.maxAnswers ?? 0)
}

/** Characters as the server counts them: grapheme clusters of the normalised text; `over` when it would be refused for length. */
export function answerLength(raw: string, max: number): { count: number, over: boolean } {
  const count = graphemeCount(normaliseAnswer(raw.slice(0, MAX_RAW_ANSWER_LENGTH + 1)))
  return { count, over: count > max || raw.length > MAX_RAW_ANSWER_LENGTH }
}

export function withAnswerSent(state: PhoneState, answer: SentAnswer): PhoneState {
  return { ...state, answering: answer, answerError: '' }
}

/** The phone's own check refused the text before sending (empty, too long). */
export function withAnswerError(state: PhoneState, answerError: string): PhoneState {
  return { ...state, answerError }
}

export type AnswerResult
  = | { ok: true, poll: string, round: number, text: string, key: string }
    | { ok: false, poll: string, round: number, code: ErrorCode | 'offline', message: string }

const answerErrors: Partial<Record<ErrorCode | 'offline', string>> = {
  'too-many-answers': 'You have already given the most answers for this round.',
  'poll-not-open': 'Answering had closed before your answer arrived, so it was not saved.',
  'wrong-round': 'The trainer started a new round before your answer arrived; send it again.',
  'unknown-poll': 'That poll is no longer on the screen.',
  'rate-limited': 'Too many messages at once; wait a moment and send again.',
  'offline': 'No connection: your answer was not sent. Send it again when the connection is back.',
}

/** The server stored (acked) or refused an answer; a refusal keeps the typed text (the page does not clear the field). */
export function withAnswerResult(state: PhoneState, result: AnswerResult): PhoneState {
  const answering = state.answering && state.answering.poll === result.poll && state.answering.round === result.round ? null : state.answering
  if (!result.ok) {
    // The server's words for a bad answer say what is wrong with it (empty, too long) and never echo it.
    const answerError = answerErrors[result.code] ?? (result.code === 'bad-answer' ? result.message : 'Your answer was not saved; please try again.')
    return { ...state, answering, answerError }
  }
  const poll = state.poll
  if (!poll || !sameRound(poll, result))
    return { ...state, answering }
  const given = poll.myAnswers[result.round - 1] ?? []
  // The same answer again is acknowledged again but stored once (same group key).
  const mine = given.some(text => answerKey(text) === result.key) ? given : [...given, result.text]
  const all = [...poll.myAnswers]
  while (all.length < result.round)
    all.push([])
  all[result.round - 1] = mine
  return { ...state, answering, answerError: '', poll: { ...poll, myAnswers: all } }
}

/** The line under the answer field. */
export function answerStatus(state: PhoneState): string {
  const poll = state.poll
  if (!poll)
    return ''
  const given = myAnswers(poll).length
  const most = poll.open?.maxAnswers ?? 0
  // After a refusal the error beside the field speaks; a count here could contradict it (too-many-answers).
  if (state.answerError && poll.status === 'open')
    return ''
  if (state.answering)
    return state.link === 'open' ? 'Sending your answer…' : 'No connection: waiting to send your answer.'
  if (poll.status !== 'open')
    return given === 0 ? 'Answering is closed. You did not answer this round.' : 'Answering is closed.'
  if (given >= most)
    return `Limit reached: you have given ${most} ${most === 1 ? 'answer' : 'answers'}, the most for this round.`
  if (given === 0)
    return most === 1 ? 'You can give one answer.' : `You can give up to ${most} answers.`
  return `Answer received. You can give ${most - given} more.`
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
