import type { DeckPlan } from '../../content/deckPlan.ts'
import type { ScenarioLibrary } from '../../content/loadScenarios.ts'
import type { Paper } from '../paper.ts'
import type { NumberedScenario } from '../sessionPolls.ts'
import { sourceArticle } from '../../content/learningGoals.ts'
import { toneOf } from '../../content/roleTone.ts'
import { html } from '../html.ts'
import { sessionScenarios } from '../sessionPolls.ts'
import { documentShell, plural } from './documentShell.ts'

export interface AnswerSheetInput {
  library: ScenarioLibrary
  deck: DeckPlan
  paper: Paper
}

/** The answer sheet's name for the document. */
export const ANSWERS_TITLE = 'Answer sheet'

function answer({ scenario, label }: NumberedScenario) {
  return html`
<article class="card keyed tone-${toneOf(scenario.answer)}">
  <div class="card-head"><h4>${label}. ${scenario.title}</h4></div>
  <div class="answer-line"><span class="label">Intended answer</span><span class="pill">${scenario.answer}</span></div>
  ${scenario.tempting ? html`<div class="answer-line"><span class="label">Likely wrong pick</span><span>${scenario.tempting}</span></div>` : ''}
  <p class="rationale">${scenario.rationale}</p>
  <div class="debrief"><p class="label">To think about</p><ol>${scenario.debrief.map(question => html`<li>${question}</li>`)}</ol></div>
</article>`
}

/** Handed out or sent after the session: the answer and reasoning for every poll and self-study scenario. */
export function answerSheet({ library, deck, paper }: AnswerSheetInput): string {
  const { polls, spares } = sessionScenarios(library, deck)
  const body = html`
<header class="cover">
  <div class="kicker">${ANSWERS_TITLE}</div>
  <h1>${deck.title}</h1>
  <p class="lead">The intended answer and the reasoning behind it for the ${plural(polls.length, 'poll')} of the session and the ${plural(spares.length, 'self-study scenario')} of your handout, under the same numbers. Real teams differ; where your team works another way, the reasoning says what to look for.</p>
</header>
<h2 id="poll-answers">The polls</h2>
${polls.map(answer)}
<section class="page-break">
  <h2 class="first" id="self-study-answers">Self-study scenarios</h2>
  ${spares.map(answer)}
</section>
<p class="muted small source-line">Based on “${sourceArticle.title}”. ${sourceArticle.note}</p>`
  return documentShell({ paper, kitTitle: deck.title, documentTitle: ANSWERS_TITLE, body })
}
