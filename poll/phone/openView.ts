// An open poll on the phone: a labelled text field with a character counter (counted as
// the server counts), Send, and the answers the server stored. A refused answer keeps
// its text in the field; only an acknowledged one clears it.
import type { PhoneState } from './phoneState'
import type { LiveScreen } from './screenParts'
import { h, setText } from './dom'
import { answerLength, answerStatus, canAnswer, myAnswers } from './phoneState'
import { heading, pollKicker, screen } from './screenParts'

export function openScreen(state: PhoneState, onSend: (text: string) => void): LiveScreen {
  const poll = state.poll!
  const max = poll.open?.maxLength ?? 60
  const input = h('input', {
    'id': 'answer',
    'name': 'answer',
    'autocomplete': 'off',
    'enterkeyhint': 'send',
    'aria-describedby': 'answer-count answer-error',
    'aria-invalid': false,
  })
  const count = h('p', { id: 'answer-count', class: 'count' })
  const error = h('p', { id: 'answer-error', class: 'error', role: 'alert' })
  const send = h('button', { type: 'submit', class: 'primary' }, 'Send')
  const form = h('form', { 'class': 'answer-form', 'novalidate': true, 'aria-labelledby': 'question' }, h('label', { for: 'answer' }, 'Your answer'), input, count, error, send)
  const list = h('ul', { class: 'mine' })
  const mineHeading = h('h2', { tabindex: -1 }, 'Your answers')
  const status = h('p', { 'class': 'vote-status', 'role': 'status', 'aria-live': 'polite' })
  const element = screen(
    heading(pollKicker(poll.status, poll.round, 'answer'), poll.title),
    poll.situation && h('p', { class: 'situation' }, poll.situation),
    h('h2', { id: 'question' }, poll.question),
    h('p', { class: 'hint note' }, 'Answers are anonymous, and appear on the screen only after the trainer approves them.'),
    form,
    status,
    mineHeading,
    list,
  )
  let current = state
  const showCount = (): void => {
    const { count: typed, over } = answerLength(input.value, max)
    setText(count, `${typed} of ${max} characters`)
    count.dataset.over = String(over)
  }
  input.addEventListener('input', showCount)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!current.answering)
      onSend(input.value)
  })
  const update = (next: PhoneState): void => {
    // An acknowledged answer (sending ended without an error) empties the field for the next one.
    if (current.answering && !next.answering && !next.answerError)
      input.value = ''
    current = next
    const nextPoll = next.poll!
    const mine = myAnswers(nextPoll)
    form.hidden = !canAnswer(nextPoll)
    send.setAttribute('aria-disabled', String(next.answering !== null))
    setText(error, next.answerError)
    input.setAttribute('aria-invalid', String(next.answerError !== ''))
    setText(status, answerStatus(next))
    mineHeading.hidden = list.hidden = mine.length === 0
    if (list.children.length !== mine.length || mine.some((text, index) => list.children[index]?.textContent !== text))
      list.replaceChildren(...mine.map(text => h('li', {}, text)))
    // The form hides when the limit is reached; focus must not vanish with it.
    if (form.hidden && form.contains(document.activeElement))
      mineHeading.focus()
    showCount()
  }
  update(state)
  return { element, update }
}
