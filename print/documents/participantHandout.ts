import type { DeckPlan } from '../../content/deckPlan.ts'
import type { ScenarioLibrary } from '../../content/loadScenarios.ts'
import type { SectionId } from '../../content/sections.ts'
import type { Paper } from '../paper.ts'
import type { NumberedScenario } from '../sessionPolls.ts'
import { keyPoints, learningObjectives, pollList } from '../../content/learningGoals.ts'
import { sections } from '../../content/sections.ts'
import { summarisePlan } from '../../content/sessionPlanSummary.ts'
import { html } from '../html.ts'
import { sessionScenarios } from '../sessionPolls.ts'
import { documentShell, keepWithNext, plural } from './documentShell.ts'
import { roleCheatSheet } from './roleCheatSheet.ts'
import { furtherReading, glossaryBlock, routingGuidePage, selfPlacementBlock, worksheetPage } from './takeHomePages.ts'

export interface ParticipantHandoutInput {
  library: ScenarioLibrary
  /** The deck as the chosen plan runs it: which polls, in which order. */
  deck: DeckPlan
  paper: Paper
}

/** Empty ruled lines to write on. */
function ruledLines(count: number) {
  return Array.from({ length: count }, () => html`<span></span>`)
}

/** The participant's name for the document, used in headers, titles and progress lines. */
export const PARTICIPANT_TITLE = 'Participant handout'

/** The polls that check an objective: "polls 1 and 2". */
export function pollsChecking(checkedIn: readonly SectionId[], polls: readonly NumberedScenario[]): string {
  return pollList(polls.filter(poll => checkedIn.includes(poll.scenario.section)).map(poll => Number(poll.label.replace(/^Poll /, ''))))
}

/**
 * Printed before the session, so it holds no answer at all: the objectives, the two roles,
 * the routing guide, the polls (numbered as on the slides) with room to think, each part's
 * key points, the spare scenarios as self-study, the scale, glossary and worksheet.
 */
export function participantHandout({ library, deck, paper }: ParticipantHandoutInput): string {
  const { polls, spares } = sessionScenarios(library, deck)
  const minutes = deck.plan?.minutes ?? deck.totalMinutes

  const agenda = summarisePlan(deck, library).agenda
  const card = ({ scenario, label }: NumberedScenario, lines: number) => html`
<article class="card${lines === 0 ? ' compact' : ''}">
  <div class="card-head"><h4>${label}. ${scenario.title}</h4></div>
  <p class="situation">${scenario.situation}</p>
  <p class="question">${scenario.question}</p>
  <ul class="choices">${scenario.choices.map(choice => html`<li><span class="box-mark"></span>${choice}</li>`)}</ul>
  ${lines > 0 ? html`<div class="notes"><div class="label">My reasoning</div><div class="lines">${ruledLines(lines)}</div></div>` : ''}
</article>`

  const keyPointBox = (section: SectionId) => html`
<div class="box key-points keep"><h3>Key points</h3><ul>${keyPoints[section].map(point => html`<li>${point}</li>`)}</ul></div>`

  const partsWithPolls = sections.map(section => ({ section, polls: polls.filter(poll => poll.scenario.section === section.id) }))
  const spareSections = sections.map(section => ({ section, spares: spares.filter(spare => spare.scenario.section === section.id) })).filter(group => group.spares.length > 0)

  const body = html`
<header class="cover">
  <div class="kicker">${PARTICIPANT_TITLE}</div>
  <h1>${deck.title}</h1>
  <p class="lead">In this session you sort real workplace requests between the product manager (what gets built, and why) and the project manager (how it gets delivered, and when). You vote on ${plural(polls.length, 'situation')} from your phone, argue with a neighbour when the room disagrees, and leave with a routing guide for your own team. The answers come after the session, on a separate sheet.</p>
  <ul class="facts">
    <li><strong>${minutes}</strong>minutes</li>
    <li><strong>${polls.length}</strong>${polls.length === 1 ? 'poll' : 'polls'}</li>
    <li><strong>${spares.length}</strong>self-study scenarios</li>
  </ul>
</header>
<h2 id="objectives">By the end you can…</h2>
<ol class="objectives">${learningObjectives.map(objective => html`<li>${objective.text}${pollsChecking(objective.checkedIn, polls) ? html` <span class="muted small">(checked in ${pollsChecking(objective.checkedIn, polls)})</span>` : ''}</li>`)}</ol>
<h2 id="agenda">The session</h2>
<table class="plan">
  <thead><tr><th>Part</th><th class="num">Minutes</th></tr></thead>
  <tbody>${agenda.map(row => html`<tr${row.isBreak ? html` class="break-row"` : ''}><td>${row.title}</td><td class="num">${Math.round(row.minutes)}</td></tr>`)}</tbody>
</table>
<section class="page-break">
  ${routingGuidePage()}
  ${selfPlacementBlock(scalePoints(library))}
</section>
<section class="page-break">
${roleCheatSheet()}
</section>
<section class="page-break">
  <h2 class="first" id="polls">The polls, part by part</h2>
  <p class="section-intro">The numbers match the slides and your phone. Tick the choice you would vote for and note why before the room votes; after each part, its key points.</p>
  ${partsWithPolls.map(({ section, polls: partPolls }) => keepWithNext(
    html`<h3 class="section-heading">${section.number}. ${section.title}</h3>`,
    [...partPolls.map(poll => card(poll, 2)), keyPointBox(section.id)],
  ))}
</section>
<section class="page-break">
  <h2 class="first" id="self-study">Self-study: more situations</h2>
  <p class="section-intro">Not discussed in the session. Try them on your own or with your team; the answer sheet you get at the end explains each one.</p>
  ${spareSections.map(({ section, spares: partSpares }) => keepWithNext(
    html`<h3 class="section-heading">${section.number}. ${section.title}</h3>`,
    partSpares.map(spare => card(spare, 0)),
  ))}
</section>
<section class="page-break">
  ${glossaryBlock()}
  <section class="box keep next-step">
    <h3>My next step</h3>
    <p class="muted">One small thing I will do differently next week, now that I know who owns the what and why and who owns the how and when:</p>
    <div class="lines">${ruledLines(4)}</div>
  </section>
  ${furtherReading()}
</section>
${worksheetPage()}`

  return documentShell({ paper, kitTitle: deck.title, documentTitle: PARTICIPANT_TITLE, body })
}

/** The points of the library's self-placement scale poll; 1–7 for a library without one. */
function scalePoints(library: ScenarioLibrary): number[] {
  const scale = library.prompts.find(prompt => prompt.kind === 'scale')
  const [min, max] = scale?.kind === 'scale' ? [scale.min, scale.max] : [1, 7]
  return Array.from({ length: max - min + 1 }, (_, index) => min + index)
}
