import type { ScenarioLibrary } from '../../content/loadScenarios.ts'
import type { Scenario } from '../../content/scenarioSchema.ts'
import type { Paper } from '../paper.ts'
import { html } from '../html.ts'
import { documentShell, keepWithNext, plural } from './documentShell.ts'
import { roleCheatSheet } from './roleCheatSheet.ts'

export interface ParticipantHandoutInput {
  library: ScenarioLibrary
  kitTitle: string
  paper: Paper
}

/** Empty ruled lines to write on. */
function ruledLines(count: number) {
  return Array.from({ length: count }, () => html`<span></span>`)
}

/** The participant's name for the document, used in headers, titles and progress lines. */
export const PARTICIPANT_TITLE = 'Participant handout'

/** Cheat sheet of the two roles plus every scenario with room for notes. Never contains an answer or rationale. */
export function participantHandout({ library, kitTitle, paper }: ParticipantHandoutInput): string {
  let number = 0
  const card = (scenario: Scenario) => {
    number += 1
    return html`
<article class="card">
  <div class="card-head"><h4>${number}. ${scenario.title}</h4></div>
  <p class="situation">${scenario.situation}</p>
  <p class="question">${scenario.question}</p>
  <ul class="choices">${scenario.choices.map(choice => html`<li><span class="box-mark"></span>${choice}</li>`)}</ul>
  <div class="notes"><div class="label">My notes</div><div class="lines">${ruledLines(3)}</div></div>
</article>`
  }

  const sections = library.sections.filter(section => section.scenarioIds.length > 0)
  const body = html`
<header class="cover">
  <div class="kicker">${PARTICIPANT_TITLE}</div>
  <h1>${kitTitle}</h1>
  <p class="lead">Keep this beside you during the session. The first pages put the two roles side by side. After that come the situations the room will vote on, each with space for your thinking. The answers are talked through in the room, so they are not printed here.</p>
  <ul class="facts">
    <li><strong>${sections.length}</strong>${sections.length === 1 ? 'section' : 'sections'}</li>
    <li><strong>${library.scenarios.length}</strong>${library.scenarios.length === 1 ? 'scenario' : 'scenarios'}</li>
  </ul>
</header>
${roleCheatSheet()}
<section class="page-break">
  <h2 class="first">Scenarios: who should handle this?</h2>
  <p class="section-intro">Read each situation, tick the choice you would vote for, and jot down why. ${plural(library.scenarios.length, 'situation')} follow, grouped by the part of the session they belong to.</p>
  ${sections.map(section => keepWithNext(
    html`<h3 class="section-heading">${section.number}. ${section.title}</h3>`,
    section.scenarioIds.map(id => card(library.byId.get(id)!)),
  ))}
</section>
<section class="box keep next-step">
  <h3>My next step</h3>
  <p class="muted">One small thing I will do differently next week, now that I know who owns the what and why and who owns the how and when:</p>
  <div class="lines">${ruledLines(5)}</div>
</section>`

  return documentShell({ paper, kitTitle, documentTitle: PARTICIPANT_TITLE, body })
}
