// The session report's sections for polls without an intended answer: a scale poll as
// one histogram per round with the medians and the shift in words; an open poll as its
// approved answers, grouped with counts. Answer texts are the room's own words: they go
// in as escaped text inside <bdi>, so a right-to-left answer cannot reorder the count.
import type { SafeHtml } from '../html.ts'
import type { OpenAnalysis, ScaleAnalysis } from '../promptResults.ts'
import { html } from '../html.ts'
import { scaleChart } from '../scaleChart.ts'
import { plural } from './documentShell.ts'

const ROUND_COLOURS = ['#94a3b8', '#0f766e']
const ROUND_NAMES = ['first placing', 'end of the session']

function roundTitle(round: number, rounds: number): string {
  return rounds === 2 ? `Round ${round} · ${ROUND_NAMES[round - 1]}` : `Round ${round}`
}

export function scaleSection({ poll, medians, shiftText }: ScaleAnalysis, label: string, index: number): SafeHtml {
  const topShare = Math.max(0, ...poll.rounds.flatMap(round => round.counts.map(count => (round.voters === 0 ? 0 : count / round.voters))))
  const excluded = poll.rounds.reduce((sum, round) => sum + round.excludedVotes, 0)
  return html`
<article class="card prompt-card">
  <div class="card-head"><h3>${label}</h3><span class="meta">Scale ${poll.min}–${poll.max} · no intended answer · ${plural(poll.rounds.length, 'round')}</span></div>
  <p class="question">${poll.question}</p>
  <p class="shift"><strong>${shiftText}</strong></p>
  <ul class="stats">${poll.rounds.map((round, roundIndex) => html`<li>Round ${round.round}: <strong>${plural(round.voters, 'vote')}</strong>${medians[roundIndex] == null ? '' : html`, median <strong>${medians[roundIndex]}</strong>`}</li>`)}</ul>
  <div class="scale-charts">${poll.rounds.map((round, roundIndex) => html`<figure class="chart">
    <figcaption>${roundTitle(round.round, poll.rounds.length)}</figcaption>
    ${scaleChart({ id: `scale-${index}-${round.round}`, title: `${label}, ${roundTitle(round.round, poll.rounds.length)}`, min: poll.min, minLabel: poll.minLabel, maxLabel: poll.maxLabel, counts: round.counts, median: medians[roundIndex] ?? null, topShare, colour: ROUND_COLOURS[Math.min(roundIndex, ROUND_COLOURS.length - 1)]! })}
  </figure>`)}</div>
  <p class="muted small">${poll.min} = ${poll.minLabel}, ${poll.max} = ${poll.maxLabel}. The median is the middle answer; half-way between two points when the room splits evenly there.${excluded > 0 ? ` ${excluded} more votes were excluded (many devices from one address).` : ''}</p>
</article>`
}

/** Approved answers, most frequent first, and a count (never the text) of the rest. */
export function openAnswers({ poll, rounds }: OpenAnalysis): SafeHtml {
  return html`${rounds.map(round => html`
  ${rounds.length > 1 ? html`<h4 class="round-heading">Round ${round.round}</h4>` : ''}
  <p class="stats-line">${round.respondents} ${round.respondents === 1 ? 'person' : 'people'} gave ${plural(round.answers, 'answer')}; <strong>approved answers</strong>, most frequent first:</p>
  ${round.groups.length > 0
    ? html`<ol class="answers">${round.groups.map(group => html`<li><span class="count">${group.count}×</span> <bdi>${group.text}</bdi></li>`)}</ol>`
    : html`<p class="muted">No answer was approved${poll.status === 'open' ? ' (the poll was still open when exported)' : ''}.</p>`}
  ${round.notShown > 0 ? html`<p class="muted small">${round.notShown} ${round.notShown === 1 ? 'answer is' : 'answers are'} not shown: hidden or never approved in moderation.</p>` : ''}`)}`
}

export function openSection(item: OpenAnalysis, label: string): SafeHtml {
  return html`
<article class="card prompt-card">
  <div class="card-head"><h3>${label}</h3><span class="meta">Open answers · moderated</span></div>
  <p class="question">${item.poll.question}</p>
  ${openAnswers(item)}
</article>`
}
