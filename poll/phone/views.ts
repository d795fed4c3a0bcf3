// The vote page's screens, built from PhoneState. Each returns a fresh <section>; the
// vote screen also has an update function for changes that keep its structure.
import type { ParticipantPoll } from '../protocol'
import type { PhoneState } from './phoneState'
import type { LiveScreen } from './screenParts'
import { choiceLetter as letter } from '../choiceLetter'
import { percentages } from '../percentages'
import { h, setText } from './dom'
import { openScreen } from './openView'
import { savedVote, shownVote, voteStatus } from './phoneState'
import { openResults, scaleResults, yourAnswer } from './revealKinds'
import { scaleScreen } from './scaleView'
import { heading, pollKicker, screen } from './screenParts'

export function joinScreen(state: PhoneState, lastCode: string, onJoin: (code: string) => void): HTMLElement {
  const input = h('input', {
    'id': 'code',
    'name': 'code',
    'autocomplete': 'off',
    'autocapitalize': 'characters',
    'spellcheck': 'false',
    'maxlength': 16,
    'required': true,
    'value': lastCode,
    'aria-describedby': 'code-hint code-error',
    'aria-invalid': state.joinError ? 'true' : false,
  })
  const fields = [
    h('label', { for: 'code' }, 'Join code'),
    h('p', { id: 'code-hint', class: 'hint' }, 'The letters and digits shown on the screen.'),
    input,
    h('p', { id: 'code-error', class: 'error', role: 'alert' }, state.joinError),
    h('button', { type: 'submit', class: 'primary' }, 'Join'),
  ]
  const form = h('form', { novalidate: true }, ...fields)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    onJoin(input.value)
  })
  return screen(heading('Live poll', 'Join the poll'), form)
}

export function connectingScreen(): HTMLElement {
  return screen(
    heading('Live poll', 'Joining…'),
    h('p', {}, 'Connecting to the poll. If this takes long, check that your phone is on the venue Wi-Fi.'),
  )
}

export function waitingScreen(): HTMLElement {
  return screen(
    heading('You are in', 'Waiting for the next question'),
    h('p', {}, 'The question appears here when the trainer opens voting. Keep this page open; there is no time limit.'),
  )
}

export interface PollActions {
  /** A choice, or a scale point's index. */
  vote: (index: number) => void
  answer: (text: string) => void
}

/** The open (or closed) poll, as its kind asks. */
export function pollScreen(state: PhoneState, actions: PollActions): LiveScreen {
  const kind = state.poll!.kind
  if (kind === 'scale')
    return scaleScreen(state, actions.vote)
  if (kind === 'open')
    return openScreen(state, actions.answer)
  return voteScreen(state, actions.vote)
}

function voteScreen(state: PhoneState, onVote: (choice: number) => void): LiveScreen {
  const poll = state.poll!
  const open = poll.status === 'open'
  const kicker = pollKicker(poll.status, poll.round, 'vote')
  const buttons = poll.choices.map((choice, index) => {
    const parts = [
      h('span', { 'class': 'letter', 'aria-hidden': 'true' }, letter(index)),
      h('span', { class: 'choice-text' }, choice),
      h('span', { class: 'mark' }),
    ]
    const button = h('button', { 'type': 'button', 'class': 'choice', 'aria-pressed': 'false', 'disabled': !open }, ...parts)
    button.addEventListener('click', () => onVote(index))
    return button
  })
  const status = h('p', { 'class': 'vote-status', 'role': 'status', 'aria-live': 'polite' })
  const element = screen(
    heading(kicker, poll.title),
    h('p', { class: 'situation' }, poll.situation),
    h('h2', { id: 'question' }, poll.question),
    h('ul', { 'class': 'choices', 'aria-labelledby': 'question' }, ...buttons.map(button => h('li', {}, button))),
    status,
  )
  const update = (next: PhoneState): void => {
    const picked = shownVote(next)
    const saved = next.poll ? savedVote(next.poll) : null
    buttons.forEach((button, index) => {
      button.setAttribute('aria-pressed', String(picked === index))
      setText(button.querySelector('.mark')!, picked !== index ? '' : saved === index ? 'Your vote' : 'Sending…')
    })
    setText(status, voteStatus(next, letter))
  }
  update(state)
  return { element, update }
}

export function revealedScreen(state: PhoneState): HTMLElement {
  const poll = state.poll!
  const reveal = poll.reveal
  if (!reveal)
    return waitingScreen()
  const debrief = reveal.debrief.length === 0
    ? []
    : [h('h2', {}, 'Talk about it'), h('ul', { class: 'debrief' }, ...reveal.debrief.map(question => h('li', {}, question)))]
  if (poll.kind !== 'choice') {
    return screen(
      heading('Results', poll.title),
      h('p', { class: 'situation' }, poll.question),
      yourAnswer(poll),
      reveal.rationale && h('p', { class: 'rationale' }, reveal.rationale),
      h('h2', {}, poll.kind === 'scale' ? 'Where the room stands' : 'Answers on the screen'),
      poll.kind === 'scale' ? scaleResults(poll) : openResults(poll),
      ...debrief,
    )
  }
  const mine = savedVote(poll)
  const yours = mine === null
    ? 'You did not vote this round.'
    : mine === reveal.answer
      ? `Your vote: ${letter(mine)}. ${poll.choices[mine]}: the intended answer.`
      : `Your vote: ${letter(mine)}. ${poll.choices[mine]}.`
  return screen(
    heading('Answer revealed', poll.title),
    reveal.answer !== null && h('p', { class: 'answer' }, 'Intended answer: ', h('strong', {}, `${letter(reveal.answer)}. ${poll.choices[reveal.answer] ?? ''}`)),
    h('p', { class: 'yours' }, yours),
    h('p', { class: 'rationale' }, reveal.rationale),
    h('h2', {}, 'How the room voted'),
    results(poll),
    ...debrief,
  )
}

/** Every round's votes per choice, as text with a decorative bar. */
function results(poll: ParticipantPoll): HTMLElement {
  const rounds = poll.reveal?.rounds ?? []
  const percents = rounds.map(round => percentages(round.counts))
  const items = poll.choices.map((choice, index) => {
    const isAnswer = poll.reveal?.answer === index
    const bars = rounds.map((round, which) => {
      const count = round.counts[index] ?? 0
      const percent = percents[which]?.[index] ?? 0
      const label = `${rounds.length > 1 ? `Round ${round.round}: ` : ''}${count} ${count === 1 ? 'vote' : 'votes'}, ${percent}%`
      // Set through the CSSOM: the page's CSP forbids style attributes.
      const fill = h('span', { class: 'fill' })
      fill.style.width = `${percent}%`
      return h('span', { class: 'result-bar' }, h('span', { 'class': 'track', 'aria-hidden': 'true' }, fill), h('span', { class: 'figure' }, label))
    })
    const name = h('span', { class: 'result-choice' }, `${letter(index)}. ${choice}`, isAnswer && h('span', { class: 'tag' }, ' (intended answer)'))
    return h('li', { 'class': 'result', 'data-answer': isAnswer }, name, ...bars)
  })
  return h('ul', { class: 'results' }, ...items)
}
