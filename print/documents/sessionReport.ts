import type { PlannedPoll } from '../../content/deckPlan.ts'
import type { SafeHtml } from '../html.ts'
import type { Paper } from '../paper.ts'
import type { OpenAnalysis, ScaleAnalysis } from '../promptResults.ts'
import type { PollAnalysis, SessionAnalysis } from '../results.ts'
import { toneOf } from '../../content/roleTone.ts'
import { sectionById } from '../../content/sections.ts'
import { barChart } from '../barChart.ts'
import { html } from '../html.ts'
import { CLOSING_POLL_ID } from '../promptResults.ts'
import { percent, WORTH_REVISITING_MATCHED, WORTH_REVISITING_SPLIT } from '../results.ts'
import { sessionPositions } from '../sessionOrder.ts'
import { documentShell, keepWithNext, plural } from './documentShell.ts'
import { openAnswers, openSection, scaleSection } from './promptSections.ts'

export interface SessionReportInput {
  analysis: SessionAnalysis
  kitTitle: string
  paper: Paper
  /** The plan's polls: the report follows their order and numbers ("Poll 3"). */
  polls?: readonly PlannedPoll[]
  /** Every poll id in the library's index order: places the polls the plan does not number. */
  pollOrder?: readonly string[]
}

type OverviewRow
  = | { kind: 'choice', position: number, item: PollAnalysis }
    | { kind: 'scale', position: number, item: ScaleAnalysis }
    | { kind: 'open', position: number, item: OpenAnalysis }

// Phones show "Poll 3: title"; the report numbers polls itself, from the plan.
const NUMBER_PREFIX = /^Poll \d+: /

/** The polls in the plan's order, each with its label; polls the plan does not know follow, unnumbered. */
export function inPlanOrder(items: readonly PollAnalysis[], polls: readonly PlannedPoll[]): { item: PollAnalysis, label: string }[] {
  const numbers = new Map(polls.map(poll => [poll.scenarioId, poll.number]))
  const title = (item: PollAnalysis) => item.poll.title.replace(NUMBER_PREFIX, '')
  return [...items]
    .sort((a, b) => (numbers.get(a.poll.id) ?? Infinity) - (numbers.get(b.poll.id) ?? Infinity))
    .map((item) => {
      const number = numbers.get(item.poll.id)
      return { item, label: number === undefined ? title(item) : `Poll ${number}: ${title(item)}` }
    })
}

/** The report's name for the document. */
export const REPORT_TITLE = 'Session report'

const splitLabel = (split: number) => split.toFixed(2)
function points(from: number, to: number) {
  const change = Math.round(to * 100) - Math.round(from * 100)
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${Math.abs(change)} points`
}
function meter(share: number, tone: 'product' | 'project') {
  return html`<span class="meter"><span style="width:${(share * 100).toFixed(1)}%; background:var(--${tone})"></span></span>`
}

/** "(12 more excluded)": votes the presenter stopped counting (many devices from one address), kept in the results. */
function excludedNote(rounds: readonly { excludedVotes?: number }[]): string {
  const excluded = rounds.reduce((sum, round) => sum + (round.excludedVotes ?? 0), 0)
  return excluded > 0 ? ` (${excluded} more excluded: many devices from one address)` : ''
}

function pollCard(item: PollAnalysis, label: string, index: number): SafeHtml {
  const { poll, scenario, final, shift, rounds } = item
  const section = sectionById(scenario.section)
  const voted = final !== undefined
  return html`
<article class="card keyed tone-${toneOf(poll.answer)}">
  <div class="card-head"><h3>${label}</h3><span class="meta">${section ? `${section.number}. ${section.title}` : ''} · ${plural(rounds.length, 'round')}</span></div>
  <p class="question">${poll.question}</p>
  ${voted
    ? html`<ul class="stats">
    <li>Votes: <strong>${final.voters}</strong>${excludedNote(poll.rounds)}</li>
    <li>Matched the intended answer: <strong>${percent(final.matched ?? 0)}</strong></li>
    <li>Split: <strong>${splitLabel(item.split)}</strong></li>
    ${shift ? html`<li>Round 1 to 2: <strong>${percent(shift.from)} to ${percent(shift.to)}</strong> matched (${points(shift.from, shift.to)})</li>` : ''}
  </ul>
  ${rounds.length > 1 ? html`<div class="legend"><span><i style="background:#94a3b8"></i>Round 1 (pale)</span><span><i style="background:#334155"></i>Round 2 (solid)</span></div>` : ''}
  <figure class="chart">${barChart({ id: `chart-${index}`, title: `How the room voted: ${label}`, choices: poll.choices, answerIndex: poll.answerIndex, rounds })}</figure>`
    : html`<p class="muted">Nobody voted in this poll.</p>`}
  <p class="rationale"><strong>Intended answer: ${poll.answer}.</strong> ${scenario.rationale}</p>
  ${item.worthRevisiting && scenario.debrief[0] ? html`<p class="ask"><strong>Revisit with:</strong> ${scenario.debrief[0]}</p>` : ''}
  ${item.changedSinceSession ? html`<p class="muted small">The scenario's choices or answer have changed since this session; the chart shows them as the room saw them.</p>` : ''}
</article>`
}

/** One line of the overview: a choice poll's figures, or a scale or open poll's summary across the figure columns. */
function overviewRow(row: OverviewRow, labels: ReadonlyMap<PollAnalysis, string>): SafeHtml {
  if (row.kind === 'choice') {
    const item = row.item
    return html`<tr>
    <td>${labels.get(item)}${item.worthRevisiting ? html` <span class="flag">· revisit</span>` : ''}</td>
    <td class="num">${item.final?.voters ?? 0}</td>
    <td>${item.final ? html`${meter(item.final.matched ?? 0, 'product')}${percent(item.final.matched ?? 0)}` : '–'}</td>
    <td>${item.final ? html`${meter(item.split, 'project')}${splitLabel(item.split)}` : '–'}</td>
    <td>${item.shift ? `${percent(item.shift.from)} to ${percent(item.shift.to)}` : '–'}</td>
  </tr>`
  }
  if (row.kind === 'scale') {
    const { poll, shiftText } = row.item
    const last = [...poll.rounds].reverse().find(round => round.voters > 0)
    const medians = row.item.medians.filter(median => median !== null)
    return html`<tr class="prompt-row">
    <td>${poll.title} <span class="muted">· scale</span></td>
    <td class="num">${last?.voters ?? 0}</td>
    <td colspan="3" class="muted">${medians.length > 0 ? `Median ${medians.join(' to ')}. ` : ''}${shiftText}</td>
  </tr>`
  }
  const { poll, rounds } = row.item
  const answers = rounds.reduce((sum, round) => sum + round.answers, 0)
  const approved = rounds.reduce((sum, round) => sum + round.groups.reduce((n, group) => n + group.count, 0), 0)
  return html`<tr class="prompt-row">
    <td>${poll.title} <span class="muted">· open</span></td>
    <td class="num">${Math.max(0, ...rounds.map(round => round.respondents))}</td>
    <td colspan="3" class="muted">${plural(answers, 'answer')}, ${approved} approved and shown in this report.</td>
  </tr>`
}

/** How the room voted: overview table in the plan's poll order, then each poll as a chart, the ones worth revisiting first. */
export function sessionReport({ analysis, kitTitle, paper, polls: planPolls = [], pollOrder = [] }: SessionReportInput): string {
  const { results } = analysis
  const ordered = inPlanOrder(analysis.polls, planPolls)
  const sessionPosition = sessionPositions(planPolls, pollOrder)
  const planned = new Set(planPolls.map(poll => poll.scenarioId))
  // Choice polls the plan does not number follow the numbered ones (as they always have), then prompts nobody places.
  let unplaced = 0
  const positionOf = (id: string) => {
    const position = sessionPosition(id)
    return Number.isFinite(position) ? position : 1e6 + unplaced++
  }
  const rows: OverviewRow[] = [
    ...ordered.map(({ item }) => ({ kind: 'choice' as const, position: planned.has(item.poll.id) ? positionOf(item.poll.id) : 1e6 + unplaced++, item })),
    ...analysis.scales.map(item => ({ kind: 'scale' as const, position: positionOf(item.poll.id), item })),
    ...analysis.openPolls.map(item => ({ kind: 'open' as const, position: positionOf(item.poll.id), item })),
  ].sort((a, b) => a.position - b.position)
  // The closing open poll ends the report; the other prompts come before the choice polls' cards, in session order.
  const prompts = rows.filter(row => row.kind !== 'choice' && row.item.poll.id !== CLOSING_POLL_ID)
  const closing = analysis.openPolls.find(item => item.poll.id === CLOSING_POLL_ID)
  const polls = ordered.map(({ item }) => item)
  const labels = new Map(ordered.map(({ item, label }) => [item, label]))
  const voted = polls.filter(item => item.final)
  const votes = voted.reduce((sum, item) => sum + (item.final?.voters ?? 0), 0)
  const matched = voted.reduce((sum, item) => sum + (item.final?.counts[item.poll.answerIndex] ?? 0), 0)
  const revisit = polls.filter(item => item.worthRevisiting)
  const settled = polls.filter(item => !item.worthRevisiting)
  const date = results.session.createdAt.slice(0, 10)

  const body = html`
<header class="cover">
  <div class="kicker">${REPORT_TITLE}</div>
  <h1>${kitTitle}</h1>
  <p class="lead">How the room voted ${results.session.id === date ? '' : `in session “${results.session.id}” `}on ${date}: the split per poll, how many matched the intended answer, and what changed when the room voted a second time${prompts.length > 0 || closing ? '; then where the room placed itself, what it said in its own words, and what it will do differently' : ''}.</p>
  <ul class="facts">
    <li><strong>${polls.length}</strong>${polls.length === 1 ? 'poll' : 'polls'}</li>
    <li><strong>${votes}</strong>votes (final rounds)</li>
    <li><strong>${votes === 0 ? '–' : percent(matched / votes)}</strong>matched the intended answer</li>
    <li><strong>${revisit.length}</strong>worth revisiting</li>
  </ul>
</header>
<h2 id="overview">Overview, in the order of the session</h2>
<table class="summary">
  <thead><tr><th>Poll</th><th class="num">Votes</th><th>Matched</th><th>Split</th><th>Round 1 to 2</th></tr></thead>
  <tbody>${rows.map(row => overviewRow(row, labels))}</tbody>
</table>
${analysis.unpolled > 0 ? html`<p class="muted small after-table">${plural(analysis.unpolled, 'other scenario')} in the library ${analysis.unpolled === 1 ? 'was' : 'were'} not polled in this session.</p>` : ''}
<p class="method"><strong>How to read it.</strong> <em>Matched</em> is the share of the final round's votes that chose the intended answer. <em>Split</em> is the normalised entropy of the final round: 0.00 when everyone chose the same, 1.00 when the votes spread evenly over every choice. A poll is worth revisiting when its split is ${WORTH_REVISITING_SPLIT.toFixed(2)} or more, or when fewer than ${percent(WORTH_REVISITING_MATCHED)} matched the intended answer. <em>Round 1 to 2</em> shows the matched share before and after the room discussed and voted again.${analysis.scales.length > 0 ? ' A scale poll has no intended answer: its median is the middle answer of a round, and the shift is how far that middle moved from round 1 to round 2.' : ''}${analysis.openPolls.length > 0 ? ' Open answers appear only when the presenter approved them; the rest are counted, never quoted.' : ''}</p>
${prompts.length > 0
  ? html`<section class="page-break">
  ${keepWithNext(html`<h2 id="room" class="first">The room in its own words</h2><p class="section-intro">Polls without an intended answer: where the room placed itself, and what it said.</p>`, prompts.map((row, index) => row.kind === 'scale' ? scaleSection(row.item, row.item.poll.title, index) : row.kind === 'open' ? openSection(row.item, row.item.poll.title) : ''))}
</section>`
  : ''}
<section class="page-break">
  ${revisit.length > 0 ? keepWithNext(html`<h2 id="revisit" class="first">Worth revisiting</h2><p class="section-intro">The room disagreed most on these. They make good openers for a follow-up session.</p>`, revisit.map((item, index) => pollCard(item, labels.get(item)!, index))) : ''}
  ${settled.length > 0 ? keepWithNext(html`<h2 id="settled" class="${revisit.length > 0 ? '' : 'first'}">Clear results</h2>`, settled.map((item, index) => pollCard(item, labels.get(item)!, revisit.length + index))) : ''}
</section>
${closing
  ? html`<section class="closing">
  ${keepWithNext(html`<h2 id="monday">What the room will do differently</h2><p class="section-intro">${closing.poll.question} The room's own commitments, as approved during the session: a good opening for any follow-up.</p>`, [openAnswers(closing)])}
</section>`
  : ''}`

  return documentShell({ paper, kitTitle, documentTitle: REPORT_TITLE, body })
}
