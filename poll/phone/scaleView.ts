// A scale poll on the phone: one radio group of large numbered buttons, the end labels
// at the ends. Arrow keys move and choose (the radio group pattern); the choice is sent
// at once and shown as received only after the server's ack.
import type { PhoneState } from './phoneState'
import type { LiveScreen } from './screenParts'
import { h, setText } from './dom'
import { savedVote, scaleValue, shownVote, voteStatus } from './phoneState'
import { heading, pollKicker, screen } from './screenParts'

const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowUp: -1, ArrowRight: 1, ArrowDown: 1 }

export function scaleScreen(state: PhoneState, onPick: (index: number) => void): LiveScreen {
  const poll = state.poll!
  const scale = poll.scale!
  const open = poll.status === 'open'
  const points = scale.max - scale.min + 1
  const label = (index: number) => String(scaleValue(poll, index))
  const radios = Array.from({ length: points }, (_, index) => {
    // The end labels are part of the ends' names, so a screen reader hears "1, Visionary".
    const end = index === 0 ? scale.minLabel : index === points - 1 ? scale.maxLabel : ''
    const radio = h('button', { 'type': 'button', 'role': 'radio', 'class': 'point', 'aria-checked': 'false', 'disabled': !open, 'aria-label': end && `${label(index)}, ${end}` }, label(index))
    radio.addEventListener('click', () => onPick(index))
    return radio
  })
  const group = h('div', { 'class': 'scale', 'role': 'radiogroup', 'aria-labelledby': 'question' }, ...radios)
  group.addEventListener('keydown', (event) => {
    const at = radios.findIndex(radio => radio === document.activeElement)
    const step = KEY_STEPS[event.key]
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? points - 1 : step === undefined || at < 0 ? -1 : (at + step + points) % points
    if (next < 0)
      return
    event.preventDefault()
    radios[next]!.focus()
    onPick(next)
  })
  const status = h('p', { 'class': 'vote-status', 'role': 'status', 'aria-live': 'polite' })
  const element = screen(
    heading(pollKicker(poll.status, poll.round, 'answer'), poll.title),
    poll.situation && h('p', { class: 'situation' }, poll.situation),
    h('h2', { id: 'question' }, poll.question),
    group,
    h('p', { 'class': 'ends', 'aria-hidden': 'true' }, h('span', {}, `${scale.min} ${scale.minLabel}`), h('span', {}, `${scale.maxLabel} ${scale.max}`)),
    status,
  )
  const update = (next: PhoneState): void => {
    const picked = shownVote(next)
    const saved = next.poll ? savedVote(next.poll) : null
    radios.forEach((radio, index) => {
      radio.setAttribute('aria-checked', String(picked === index))
      radio.dataset.sending = String(picked === index && saved !== index)
      // Roving tabindex: Tab lands on the chosen point (or the first), arrows move within.
      radio.tabIndex = index === (picked ?? 0) ? 0 : -1
    })
    setText(status, voteStatus(next, label))
  }
  update(state)
  return { element, update }
}
