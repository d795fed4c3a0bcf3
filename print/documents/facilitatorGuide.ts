import type { DeckPart, DeckPlan, PlannedSlide } from '../../content/deckPlan.ts'
import type { ScenarioLibrary } from '../../content/loadScenarios.ts'
import type { Paper } from '../paper.ts'
import { polledScenarioIds } from '../../content/deckPlan.ts'
import { MOVE_ON_ABOVE_PERCENT, TEACH_BELOW_PERCENT } from '../../poll/peerInstruction.ts'
import { html } from '../html.ts'
import { toneOf } from '../roleTone.ts'
import { talkingPoints } from '../talkingPoints.ts'
import { answerKey } from './answerKey.ts'
import { documentShell, keepWithNext, plural } from './documentShell.ts'

export interface FacilitatorGuideInput {
  library: ScenarioLibrary
  plan: DeckPlan
  paper: Paper
}

/** The facilitator's name for the document. */
export const FACILITATOR_TITLE = 'Facilitator guide'

/** "9", "9.5": minutes as the deck notes write them. */
const mins = (minutes: number) => `${Math.round(minutes * 10) / 10}`

/** Scenario id → number of the first slide that polls it. */
export function pollSlidesOf(plan: DeckPlan): Map<string, number> {
  const slides = new Map<string, number>()
  for (const slide of plan.parts.flatMap(part => part.slides)) {
    for (const id of polledScenarioIds(slide.content)) {
      if (!slides.has(id))
        slides.set(id, slide.number)
    }
  }
  return slides
}

/** Session plan with minutes and talking points per slide, then the answer key for every scenario. */
export function facilitatorGuide({ library, plan, paper }: FacilitatorGuideInput): string {
  const pollSlides = pollSlidesOf(plan)
  const polledInDeck = [...pollSlides.keys()].filter(id => library.byId.has(id))
  const spares = library.scenarios.length - polledInDeck.length
  const slideCount = plan.parts.reduce((sum, part) => sum + part.slides.length, 0)

  const starts: number[] = []
  plan.parts.reduce((start, part) => {
    starts.push(start)
    return start + part.minutes
  }, 0)

  const slideBlock = (slide: PlannedSlide) => {
    const { points, ask } = talkingPoints(slide.notes)
    const polled = polledScenarioIds(slide.content).map(id => library.byId.get(id)).filter(scenario => scenario !== undefined)
    return html`
<div class="slide${polled.length > 0 ? ' poll-slide' : ''}">
  <h4><span><span class="num">${slide.number}</span>${slide.title}</span><span class="mins">${mins(slide.minutes)} min</span></h4>
  <ul>${points.map(point => html`<li>${point.label ? html`<strong>${point.label}:</strong> ` : ''}${point.text}</li>`)}</ul>
  ${ask ? html`<p class="ask"><strong>Ask:</strong> ${ask}</p>` : ''}
  ${polled.map(scenario => html`<p class="poll-ref">Poll: <strong>${scenario.title}</strong>. Intended answer: <span class="pill tone-${toneOf(scenario.answer)}">${scenario.answer}</span> (rationale and debrief in the answer key).</p>`)}
</div>`
  }

  const partBlock = (part: DeckPart, index: number) => html`
<section class="${index === 0 ? '' : 'part'}">
  ${keepWithNext(html`<h3 class="section-heading">${part.title}<span class="mins-inline"> · ${mins(part.minutes)} min, from minute ${mins(starts[index] ?? 0)}</span></h3>`, part.slides.map(slideBlock))}
</section>`

  const body = html`
<header class="cover">
  <div class="kicker">${FACILITATOR_TITLE}</div>
  <h1>${plan.title}</h1>
  <p class="lead">Everything you need to run the session: the plan with minutes per part, what to say and ask on every slide, and the answer key for every scenario. It gives the answers away, so keep it out of participants' hands.</p>
  <ul class="facts">
    <li><strong>${mins(plan.totalMinutes)}</strong>minutes</li>
    <li><strong>${slideCount}</strong>slides</li>
    <li><strong>${polledInDeck.length}</strong>${polledInDeck.length === 1 ? 'poll' : 'polls'} in the deck</li>
    <li><strong>${library.scenarios.length}</strong>${library.scenarios.length === 1 ? 'scenario' : 'scenarios'} in the key</li>
  </ul>
</header>
<h2 id="plan">Session plan</h2>
<table class="plan">
  <thead><tr><th>Part</th><th class="num">Slides</th><th class="num">Minutes</th><th class="num">From minute</th></tr></thead>
  <tbody>${plan.parts.map((part, index) => html`<tr><td>${part.title}</td><td class="num">${part.slides.length}</td><td class="num">${mins(part.minutes)}</td><td class="num">${mins(starts[index] ?? 0)}</td></tr>`)}</tbody>
  <tfoot><tr><td>Whole session</td><td class="num">${slideCount}</td><td class="num">${mins(plan.totalMinutes)}</td><td></td></tr></tfoot>
</table>
<div class="pair">
  <div class="box">
    <h3>Running a poll</h3>
    <ol>
      <li>Read the situation aloud; everyone votes alone for about 30 seconds, with the results hidden.</li>
      <li>Close voting. The presenter view shows the share on the intended answer and the next step.</li>
      <li>Under ${TEACH_BELOW_PERCENT}%: teach the idea briefly without the answer, then run round 2.</li>
      <li>${TEACH_BELOW_PERCENT}–${MOVE_ON_ABOVE_PERCENT}%: two minutes in pairs ("convince your neighbour"), round 2, then reveal and compare the rounds.</li>
      <li>Over ${MOVE_ON_ABOVE_PERCENT}%: reveal the answer and move on.</li>
    </ol>
  </div>
  <div class="box">
    <h3>Spare scenarios</h3>
    <p>The deck polls ${plural(polledInDeck.length, 'scenario')}; the other ${spares} in the key are spares. To use one, put its id on a poll slide (<code>&lt;ScenarioPoll id="…" /&gt;</code>) or keep it for a follow-up discussion.</p>
  </div>
</div>
<section class="page-break">
  <h2 id="talking-points" class="first">Slide by slide</h2>
  ${plan.parts.map(partBlock)}
</section>
<section class="page-break">
  <h2 id="answer-key" class="first">Answer key</h2>
  <p class="section-intro">Every scenario in the library, in the order of the index. The meta line gives the minutes it needs and, where the deck polls it, the slide.</p>
  ${answerKey({ library, pollSlides })}
</section>`

  return documentShell({ paper, kitTitle: plan.title, documentTitle: FACILITATOR_TITLE, body })
}
