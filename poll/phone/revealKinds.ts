// What a phone shows of a scale or open poll after the reveal: the room's spread and
// median, or the answers the trainer approved. Text only, bars are decoration.
import type { ParticipantPoll } from '../protocol'
import { percentages } from '../percentages'
import { h } from './dom'
import { myAnswers, savedVote, scaleValue } from './phoneState'

/** The line about this phone's own answer(s). */
export function yourAnswer(poll: ParticipantPoll): HTMLElement {
  if (poll.kind === 'open') {
    const mine = myAnswers(poll)
    return mine.length === 0
      ? h('p', { class: 'yours' }, 'You did not answer this round.')
      : h('div', { class: 'yours' }, h('p', {}, 'Your answers:'), h('ul', { class: 'mine' }, ...mine.map(text => h('li', {}, text))))
  }
  const mine = savedVote(poll)
  return h('p', { class: 'yours' }, mine === null ? 'You did not answer this round.' : `Your answer: ${scaleValue(poll, mine)}.`)
}

/** Every round: the median, then one bar per point of the scale. */
export function scaleResults(poll: ParticipantPoll): HTMLElement {
  const scale = poll.scale!
  const rounds = poll.reveal?.rounds ?? []
  return h('div', {}, ...rounds.map((round) => {
    const percents = percentages(round.counts)
    const median = round.median === null || round.median === undefined ? 'no answers' : `median ${round.median}`
    const points = round.counts.map((count, index) => {
      const end = index === 0 ? ` ${scale.minLabel}` : index === round.counts.length - 1 ? ` ${scale.maxLabel}` : ''
      const fill = h('span', { class: 'fill' })
      // Set through the CSSOM: the page's CSP forbids style attributes.
      fill.style.width = `${percents[index] ?? 0}%`
      return h('li', { class: 'point-result' }, h('span', { class: 'point-name' }, `${scaleValue(poll, index)}${end}`), h('span', { 'class': 'track', 'aria-hidden': 'true' }, fill), h('span', { class: 'figure' }, String(count)))
    })
    return h('section', { class: 'scale-round' }, h('h3', {}, `${rounds.length > 1 ? `Round ${round.round}: ` : ''}${round.voters} ${round.voters === 1 ? 'answer' : 'answers'}, ${median}`), h('ul', { class: 'results' }, ...points))
  }))
}

/** Every round's approved answers, the most given first. */
export function openResults(poll: ParticipantPoll): HTMLElement {
  const rounds = poll.reveal?.answers ?? []
  if (rounds.every(round => round.groups.length === 0))
    return h('p', {}, 'No answers were approved for the screen.')
  return h('div', {}, ...rounds.map(round => h('section', {}, rounds.length > 1 && h('h3', {}, `Round ${round.round}`), h('ul', { class: 'approved' }, ...round.groups.map(group => h('li', {}, h('span', {}, group.text), group.count > 1 && h('span', { class: 'figure' }, ` ×${group.count}`))), round.more > 0 && h('li', { class: 'figure' }, `and ${round.more} more`)))))
}
