import type { DeckPart, DeckPlan, PlannedSlide } from '../../content/deckPlan.ts'
import type { ScenarioLibrary } from '../../content/loadScenarios.ts'
import type { SectionId } from '../../content/sections.ts'
import type { Paper } from '../paper.ts'
import type { NumberedScenario } from '../sessionPolls.ts'
import { audience, partNotes, peerInstructionInBrief, peerInstructionSteps, preparationChecklist, promptAdvice, remoteDelivery, roomAdvice } from '../../content/facilitation.ts'
import { keyPoints, learningObjectives, sourceArticle } from '../../content/learningGoals.ts'
import { toneOf } from '../../content/roleTone.ts'
import { sectionById, sections } from '../../content/sections.ts'
import { summarisePlan } from '../../content/sessionPlanSummary.ts'
import { html } from '../html.ts'
import { CLOSING_POLL_ID } from '../promptResults.ts'
import { sessionScenarios, usualWrongAnswer } from '../sessionPolls.ts'
import { talkingPoints } from '../talkingPoints.ts'
import { documentShell, keepWithNext, plural } from './documentShell.ts'
import { pollsChecking } from './participantHandout.ts'

export interface FacilitatorGuideInput {
  library: ScenarioLibrary
  /** The deck as the chosen plan runs it. */
  plan: DeckPlan
  paper: Paper
  /** Slide number → a small picture of the slide (a data: URL); slides without one print their text only. */
  slideImages?: ReadonlyMap<number, string>
}

/** The facilitator's name for the document. */
export const FACILITATOR_TITLE = 'Facilitator guide'

/** "9", "9.5": minutes as the deck notes write them. */
const mins = (minutes: number) => `${Math.round(minutes * 10) / 10}`

/** Scenario id → number of the first slide that polls it. */
export function pollSlidesOf(plan: DeckPlan): Map<string, number> {
  const slides = new Map<string, number>()
  for (const slide of plan.parts.flatMap(part => part.slides)) {
    for (const id of slide.polls) {
      if (!slides.has(id))
        slides.set(id, slide.number)
    }
  }
  return slides
}

/** The section a deck part teaches: its first slide's title names it. */
function sectionOf(part: DeckPart): SectionId | undefined {
  return sections.find(section => section.title === part.title)?.id
}

/** Run sheet, preparation, every slide with what to say and do, polls with their answers inline, and the swap-ins. */
export function facilitatorGuide({ library, plan, paper, slideImages = new Map() }: FacilitatorGuideInput): string {
  const { polls, spares } = sessionScenarios(library, plan)
  const pollBySlide = new Map<number, NumberedScenario[]>()
  for (const poll of polls)
    pollBySlide.set(poll.slide!, [...(pollBySlide.get(poll.slide!) ?? []), poll])
  const summary = summarisePlan(plan, library)
  const slides = plan.parts.flatMap(part => part.slides)
  const slideCount = slides.length
  const byAlias = new Map(slides.flatMap(slide => slide.alias ? [[slide.alias, slide] as const] : []))
  const cuts = (plan.plan?.cutsWhenLate ?? []).flatMap(alias => byAlias.get(alias) ?? [])
  const minutes = plan.plan?.minutes ?? plan.totalMinutes
  const pollSlides = pollSlidesOf(plan)

  const pollBlock = ({ scenario, label }: NumberedScenario) => html`
<div class="poll-inline keyed tone-${toneOf(scenario.answer)}">
  <p class="poll-inline__head"><strong>${label}: ${scenario.title}</strong> <span class="muted">· ${mins(scenario.minutes)} min</span></p>
  <p class="small">${scenario.situation}</p>
  <div class="answer-line"><span class="label">Intended answer</span><span class="pill">${scenario.answer}</span></div>
  <p class="rationale">${scenario.rationale}</p>
  <p class="small"><strong>Usual wrong answer:</strong> ${usualWrongAnswer(scenario)}</p>
  <p class="small"><strong>Peer instruction:</strong> ${peerInstructionInBrief}</p>
  <p class="small"><strong>Debrief:</strong> ${scenario.debrief.join(' ')}</p>
</div>`

  const slideBlock = (slide: PlannedSlide) => {
    const { points, ask, optionalAsks } = talkingPoints(slide.notes)
    const image = slideImages.get(slide.number)
    const slidePolls = pollBySlide.get(slide.number) ?? []
    // A key-points slide shows its part's points from content/learningGoals.ts: print them as the room sees them.
    const pointsOf = /<KeyPoints\s+section="([a-z-]+)"/.exec(slide.content)?.[1] as SectionId | undefined
    return html`
<div class="slide${slidePolls.length > 0 ? ' poll-slide' : ''}${image ? ' with-image' : ''}">
  ${image ? html`<img class="slide-thumb" src="${image}" alt="Slide ${slide.number}">` : ''}
  <div class="slide-text">
    <h4><span><span class="num">${slide.number}</span>${slide.title}</span><span class="mins">${mins(slide.minutes)} min</span></h4>
    <ul>${points.map(point => html`<li>${point.label ? html`<strong>${point.label}:</strong> ` : ''}${point.text}</li>`)}</ul>
    ${pointsOf && keyPoints[pointsOf] ? html`<ol class="on-slide">${keyPoints[pointsOf].map(point => html`<li>${point}</li>`)}</ol>` : ''}
    ${ask ? html`<p class="ask"><strong>Ask:</strong> ${ask}</p>` : ''}
    ${optionalAsks.map(optional => html`<p class="ask optional"><strong>Optional:</strong> ${optional}</p>`)}
  </div>
  ${slidePolls.map(pollBlock)}
</div>`
  }

  const partEnd = (section: SectionId | undefined) => {
    if (!section)
      return ''
    const notes = partNotes[section]
    return html`
<div class="pair part-notes">
  <div class="box"><h3>Common misconceptions</h3><ul>${notes.misconceptions.map(item => html`<li>${item}</li>`)}</ul></div>
  <div class="box"><h3>Difficult moments</h3><ul>${notes.difficultMoments.map(item => html`<li>${item}</li>`)}</ul></div>
</div>`
  }

  const partBlock = (part: DeckPart, index: number) => {
    const row = summary.agenda.find(candidate => candidate.part === index)
    return html`
<section class="${index === 0 ? '' : 'part'}">
  ${keepWithNext(html`<h3 class="section-heading">${row?.title ?? part.title}<span class="mins-inline"> · ${mins(part.minutes)} min, from minute ${mins(row?.from ?? 0)}</span></h3>`, part.slides.map(slideBlock))}
  ${partEnd(sectionOf(part))}
</section>`
  }

  const body = html`
<header class="cover">
  <div class="kicker">${FACILITATOR_TITLE} · plan ${plan.plan?.name ?? 'whole deck'}</div>
  <h1>${plan.title}</h1>
  <p class="lead">Everything you need to run the session without having seen it: who it is for, how to prepare, what to say and do on every slide, each poll's answer beside its slide, and what to do when the room surprises you. It gives the answers away, so keep it out of participants' hands.</p>
  <ul class="facts">
    <li><strong>${mins(minutes)}</strong>minutes</li>
    <li><strong>${slideCount}</strong>slides</li>
    <li><strong>${polls.length}</strong>${polls.length === 1 ? 'poll' : 'polls'}</li>
    <li><strong>${spares.length}</strong>spare scenarios</li>
  </ul>
</header>
<p><strong>Audience.</strong> ${audience}</p>
<h2 id="objectives">Learning objectives</h2>
<ol class="objectives">${learningObjectives.map(objective => html`<li>${objective.text}${pollsChecking(objective.checkedIn, polls) ? html` <span class="muted small">(checked in ${pollsChecking(objective.checkedIn, polls)})</span>` : ''}</li>`)}</ol>
<h2 id="plan">Plan at a glance: ${plan.plan?.title ?? 'the whole deck'}</h2>
<table class="plan">
  <thead><tr><th>Part</th><th class="num">Minutes</th><th class="num">From minute</th></tr></thead>
  <tbody>${summary.agenda.map(row => html`<tr${row.isBreak ? html` class="break-row"` : ''}><td>${row.title}</td><td class="num">${mins(row.minutes)}</td><td class="num">${mins(row.from)}</td></tr>`)}</tbody>
  <tfoot><tr><td>Whole session (${plural(slideCount, 'slide')})</td><td class="num">${mins(plan.totalMinutes)}</td><td></td></tr></tfoot>
</table>
<p class="small muted">Slide minutes come from the notes; a poll slide's from its scenario. ${plan.plan?.optionalAsks === 'drop' ? 'This plan drops the optional prompts; the notes show only the essential ones.' : 'This plan keeps the optional prompts; drop them first when time runs short.'}</p>
${cuts.length > 0 ? html`<div class="box"><h3>If you run late, cut in this order</h3><ol>${cuts.map(slide => html`<li>Slide ${slide.number}, ${slide.title} <span class="muted">(saves ${mins(slide.minutes)} min)</span></li>`)}</ol></div>` : ''}
<section>
  <h2 id="preparation">Preparation checklist</h2>
  ${preparationChecklist.map(group => html`<div class="box keep checklist"><h3>${group.when}</h3><ul>${group.items.map(item => html`<li><span class="box-mark"></span>${item}</li>`)}</ul></div>`)}
  <div class="keep">
    <h2 id="running-polls">Running a poll: peer instruction</h2>
    <ol>${peerInstructionSteps.map(step => html`<li>${step}</li>`)}</ol>
  </div>
  ${library.prompts.length > 0
    ? html`<div class="keep">
    <h2 id="room-polls">Polls without a right answer</h2>
    <p class="section-intro">${promptAdvice.intro}</p>
    <p class="small"><strong>Moderating open answers.</strong> ${promptAdvice.open}</p>
  </div>
  ${library.prompts.map((prompt) => {
    const section = sectionById(prompt.section)
    const slide = pollSlides.get(prompt.id)
    return html`<div class="poll-inline prompt-inline keep">
    <p class="poll-inline__head"><strong>${prompt.title}</strong> <span class="muted">· ${prompt.kind === 'scale' ? `scale ${prompt.min}–${prompt.max}, ${prompt.minLabel} to ${prompt.maxLabel}` : `open, up to ${plural(prompt.maxAnswers, 'answer')} each`} · ${mins(prompt.minutes)} min · ${section ? `part ${section.number}, ${section.title}` : prompt.section}${slide === undefined ? ', on no slide of this plan yet' : `, slide ${slide}`}</span></p>
    <p class="question">${prompt.question}</p>
    ${prompt.kind === 'scale' ? html`<p class="small"><strong>Two rounds:</strong> ${promptAdvice.scale}</p>` : ''}
    ${prompt.id === CLOSING_POLL_ID ? html`<p class="small"><strong>Closing:</strong> ${promptAdvice.closing}</p>` : ''}
    <p class="small"><strong>Debrief:</strong> ${prompt.debrief.join(' ')}</p>
  </div>`
  })}`
    : ''}
  <div class="pair">
    <div class="box"><h3>A room that splits</h3><p>${roomAdvice.split}</p></div>
    <div class="box"><h3>A room that agrees</h3><p>${roomAdvice.unanimous}</p></div>
  </div>
</section>
<section>
  <h2 id="talking-points">Slide by slide</h2>
  ${plan.parts.map(partBlock)}
</section>
<section class="page-break">
  <h2 id="remote" class="first">Remote and hybrid delivery</h2>
  <p>${remoteDelivery.intro}</p>
  <ul>${remoteDelivery.steps.map(step => html`<li>${step}</li>`)}</ul>
  <p>${remoteDelivery.hybrid}</p>
  <h2 id="swap-ins">Spare scenarios: swap-ins</h2>
  <p class="section-intro">To poll a spare instead of a deck poll, add one line under <code>swaps:</code> in <code>plans/session-plans.yaml</code> for your plan, e.g. <code>${polls[0]?.scenario.id ?? 'poll-on-slide'}: ${spares[0]?.scenario.id ?? 'spare-id'}</code>, then restart <code>npm start</code>; the markdown stays as it is. The rest go home as self-study; their answers are on the answer sheet.</p>
  <table class="spares">
    <thead><tr><th>Spare</th><th>Id for swaps</th><th>Answer</th><th class="num">Min</th></tr></thead>
    <tbody>${spares.map(({ scenario, label }) => html`<tr><td><strong>${label}.</strong> ${scenario.title}</td><td><code>${scenario.id}</code></td><td><span class="pill tone-${toneOf(scenario.answer)}">${scenario.answer}</span></td><td class="num">${mins(scenario.minutes)}</td></tr>`)}</tbody>
  </table>
  <p class="small muted source-line">The deck's facts and metaphors come from “${sourceArticle.title}”; name it when someone asks where the material comes from.</p>
</section>`

  return documentShell({ paper, kitTitle: plan.title, documentTitle: FACILITATOR_TITLE, body })
}
