import type { ScenarioLibrary } from '../../content/loadScenarios.ts'
import type { Scenario } from '../../content/scenarioSchema.ts'
import type { SafeHtml } from '../html.ts'
import { html } from '../html.ts'
import { toneOf } from '../roleTone.ts'
import { keepWithNext, minutesLabel } from './documentShell.ts'

export interface AnswerKeyInput {
  library: ScenarioLibrary
  /** Scenario id → the deck slide number that polls it. */
  pollSlides: ReadonlyMap<string, number>
}

/** One scenario with its intended answer, rationale and debrief questions. */
export function answerCard(scenario: Scenario, number: number, slide?: number): SafeHtml {
  const tone = toneOf(scenario.answer)
  const meta = [
    minutesLabel(scenario.minutes),
    scenario.difficulty,
    slide === undefined ? 'spare' : `polled on slide ${slide}`,
  ].filter(Boolean).join(' · ')
  return html`
<article class="card keyed tone-${tone}">
  <div class="card-head"><h4>${number}. ${scenario.title}</h4><span class="meta">${meta}</span></div>
  <p class="situation">${scenario.situation}</p>
  <p class="question">${scenario.question}</p>
  <ul class="choices-key">${scenario.choices.map(choice => html`<li class="${choice === scenario.answer ? 'is-answer' : ''}"><span class="dot"></span>${choice}</li>`)}</ul>
  <div class="answer-line"><span class="label">Intended answer</span><span class="pill">${scenario.answer}</span></div>
  ${scenario.tempting ? html`<div class="answer-line"><span class="label">Likely wrong pick</span><span>${scenario.tempting}</span></div>` : ''}
  <p class="rationale">${scenario.rationale}</p>
  <div class="debrief">
    <p class="label">Debrief questions</p>
    <ol>${scenario.debrief.map(question => html`<li>${question}</li>`)}</ol>
  </div>
</article>`
}

/** Every scenario of the library by section, with the answers: the facilitator's key. */
export function answerKey({ library, pollSlides }: AnswerKeyInput): SafeHtml {
  let number = 0
  return html`${library.sections.filter(section => section.scenarioIds.length > 0).map(section => keepWithNext(
    html`<h3 class="section-heading">${section.number}. ${section.title}</h3>`,
    section.scenarioIds.map((id) => {
      number += 1
      return answerCard(library.byId.get(id)!, number, pollSlides.get(id))
    }),
  ))}`
}
