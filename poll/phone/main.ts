// The vote page's entry: joins with the code from the link (or typed), follows the
// presenter's poll, sends votes, and keeps the screen in step with the server.
import type { PollClient } from '../client'
import type { PhoneScreen, PhoneState } from './phoneState'
import type { LiveScreen } from './screenParts'
import { checkAnswer } from '../answerText'
import { createPollClient, loadDeviceId, PollRequestError } from '../client'
import { CloseCode, socketUrl } from '../protocol'
import { setText } from './dom'
import { cleanJoinCode, joinCodeFromLocation } from './joinCode'
import { initialPhoneState, linkLabel, savedVote, scaleValue, screenOf, withAnswerError, withAnswerResult, withAnswerSent, withServerMessage, withVoteResult, withVoteSent } from './phoneState'
import { connectingScreen, joinScreen, pollScreen, revealedScreen, waitingScreen } from './views'

const LAST_CODE_KEY = 'pm-workshop-poll-code'

const main = document.getElementById('main')!
const linkBadge = document.getElementById('link')!
const device = loadDeviceId()
let state: PhoneState = { ...initialPhoneState, code: joinCodeFromLocation(location) }
let client: PollClient | undefined
let screenKey = ''
let voting: LiveScreen | undefined
/** The code as last typed or linked, kept in the form after a refusal so a typo can be corrected. */
let tried = ''

function set(next: Partial<PhoneState> | PhoneState): void {
  state = { ...state, ...next }
  render()
}

function join(typed: string): void {
  tried = typed.trim()
  const code = cleanJoinCode(typed)
  if (!code) {
    set({ code: null, joinError: 'Type the code shown on the screen: letters and digits, like K7QFM.' })
    return
  }
  client?.close()
  state = { ...state, code, joinError: '', poll: null, sending: null, voteError: '', answering: null, answerError: '', link: 'connecting' }
  render()
  client = createPollClient({
    url: socketUrl(location.origin),
    WebSocket,
    hello: { role: 'participant', device, code },
    onStatus: link => set({ link }),
    onMessage(message) {
      if (message.type === 'snapshot') {
        remember(code)
      }
      else if (message.type === 'error' && (message.code === 'too-many-attempts' || (message.code === 'excluded' && message.id === undefined))) {
        leave(message.message)
        return
      }
      set(withServerMessage(state, message))
    },
    onVote: result => set(withVoteResult(state, result)),
    onFatal({ closeCode }) {
      leave(closeCode === CloseCode.unsupportedVersion
        ? 'This page is out of date. Reload it to join.'
        : 'That code is not this session\'s. Check the code on the screen and try again.')
    },
  })
}

/** Back to the join form with a reason. */
function leave(reason: string): void {
  client?.close()
  client = undefined
  history.replaceState(null, '', '/')
  set({ ...initialPhoneState, code: null, joinError: reason, link: 'stopped' })
}

/** Keeps the code in the address (a reload rejoins) and for the next bare visit. */
function remember(code: string): void {
  if (location.pathname !== `/${code}`)
    history.replaceState(null, '', `/${code}`)
  try {
    localStorage.setItem(LAST_CODE_KEY, code)
  }
  catch {}
}

function vote(choice: number): void {
  const poll = state.poll
  if (!client || !poll || poll.status !== 'open')
    return
  if (state.sending?.choice === choice || (!state.sending && savedVote(poll) === choice))
    return
  const sent = { poll: poll.id, round: poll.round, choice }
  set(withVoteSent(state, sent))
  if (poll.kind === 'choice') {
    client.vote(poll.id, poll.round, choice)
    return
  }
  // Scale votes are requests: not resent after a reconnect (the snapshot's myVotes tells what was stored).
  const vote = { id: '', ...sent }
  client.scale(poll.id, poll.round, scaleValue(poll, choice)).then(
    () => set(withVoteResult(state, { ok: true, vote })),
    (error: unknown) => set(withVoteResult(state, { ok: false, vote, ...refusal(error) })),
  )
}

function answer(raw: string): void {
  const poll = state.poll
  if (!client || !poll || poll.status !== 'open')
    return
  // The same check the server makes, so an empty or long answer is explained without a round trip.
  const checked = checkAnswer(raw)
  if (!checked.ok) {
    set(withAnswerError(state, checked.reason))
    return
  }
  const sent = { poll: poll.id, round: poll.round }
  set(withAnswerSent(state, { ...sent, text: raw }))
  client.answer(poll.id, poll.round, raw).then(
    stored => set(withAnswerResult(state, { ok: true, ...sent, ...stored })),
    (error: unknown) => set(withAnswerResult(state, { ok: false, ...sent, ...refusal(error) })),
  )
}

/** A refused or unsent request's code, in the shape the state functions take. */
function refusal(error: unknown): { code: PollRequestError['code'], message: string } {
  return error instanceof PollRequestError ? { code: error.code, message: error.message } : { code: 'server-error', message: String(error) }
}

function lastCode(): string {
  try {
    return localStorage.getItem(LAST_CODE_KEY) ?? ''
  }
  catch {
    return ''
  }
}

const titles: Record<PhoneScreen, string> = { join: 'Join the poll', connecting: 'Joining', waiting: 'Waiting for the question', vote: 'Vote', revealed: 'Answer' }

function render(): void {
  setText(linkBadge, state.code === null ? '' : linkLabel(state.link))
  linkBadge.dataset.link = state.link
  const screen = screenOf(state)
  const poll = state.poll
  const key = [screen, poll?.id, poll?.round, poll?.status, screen === 'join' ? state.joinError : ''].join('|')
  if (key === screenKey) {
    voting?.update(state)
    return
  }
  const first = screenKey === ''
  screenKey = key
  voting = undefined
  let element: HTMLElement
  if (screen === 'join') {
    element = joinScreen(state, state.joinError ? tried : lastCode(), join)
  }
  else if (screen === 'vote') {
    voting = pollScreen(state, { vote, answer })
    element = voting.element
  }
  else {
    element = screen === 'revealed' ? revealedScreen(state) : screen === 'connecting' ? connectingScreen() : waitingScreen()
  }
  main.replaceChildren(element)
  document.title = `${poll && (screen === 'vote' || screen === 'revealed') ? `${poll.title} · ` : ''}${titles[screen]} · Live poll`
  // Move focus to the new screen's heading, so keyboard and screen-reader users land on it.
  if (!first)
    element.querySelector<HTMLElement>(screen === 'join' && state.joinError ? 'input' : 'h1')?.focus()
}

// A phone that slept or changed networks redials at once instead of waiting for the backoff.
addEventListener('online', () => client?.reconnect())
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible')
    client?.reconnect()
})

render()
if (state.code)
  join(state.code)
