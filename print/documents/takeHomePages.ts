// The pages participants keep: routing guide, glossary, self-placement scale, the team
// worksheet, and further reading. Each renders one block; the handout places them.
import type { SafeHtml } from '../html.ts'
import { sourceArticle } from '../../content/learningGoals.ts'
import { glossary, ownerLabels, routingGuide, selfPlacement, worksheetRows } from '../../content/takeHome.ts'
import { html } from '../html.ts'

const ownerTone = { product: 'product', project: 'project', both: 'both', other: 'neutral' } as const

/** "Who makes which call?": everyday questions routed to the role that owns them. */
export function routingGuidePage(): SafeHtml {
  return html`
<h2 id="routing" class="first">Who makes which call?</h2>
<p class="section-intro">The most practical thing to keep from today: when a question lands on your desk, find the closest one here and send it to its owner.</p>
<table class="routing">
  <thead><tr><th>The question</th><th>Who answers it</th><th>Why</th></tr></thead>
  <tbody>${routingGuide.map(row => html`<tr><td>${row.question}</td><td><span class="pill tone-${ownerTone[row.owner]}">${ownerLabels[row.owner]}</span></td><td class="muted">${row.why}</td></tr>`)}</tbody>
</table>`
}

/** Terms practitioners use that the session only touches. */
export function glossaryBlock(): SafeHtml {
  return html`
<h2 id="glossary">Glossary</h2>
<dl class="glossary">${glossary.map(entry => html`<dt>${entry.term}</dt><dd>${entry.meaning}</dd>`)}</dl>`
}

/** The visionary–executor scale to mark, with the points the deck's scale poll asks (`points`), so paper and poll agree. */
export function selfPlacementBlock(points: readonly number[]): SafeHtml {
  return html`
<section class="box keep self-placement">
  <h3>Visionary or executor?</h3>
  <div class="scale">
    <div class="scale-end tone-product"><strong>${selfPlacement.left.label}</strong><span>${selfPlacement.left.text}</span></div>
    <ol class="scale-steps">${points.map(step => html`<li>${step}</li>`)}</ol>
    <div class="scale-end tone-project"><strong>${selfPlacement.right.label}</strong><span>${selfPlacement.right.text}</span></div>
  </div>
  <ul>${selfPlacement.prompts.map(prompt => html`<li>${prompt}</li>`)}</ul>
</section>`
}

/** One page: for each decision, who owns it in my team today, and who should. */
export function worksheetPage(): SafeHtml {
  return html`
<section class="page-break worksheet">
  <h2 id="worksheet" class="first">Who owns what in my team</h2>
  <p class="section-intro">Fill this in after the session, ideally with a colleague. Where "today" and "should" differ, or "today" is blank, you have found your next conversation.</p>
  <table class="worksheet-table">
    <thead><tr><th>Decision</th><th>Who owns it today</th><th>Who should</th><th>What I will do about it</th></tr></thead>
    <tbody>${worksheetRows.map(row => html`<tr><td>${row}</td><td></td><td></td><td></td></tr>`)}
      ${[1, 2].map(() => html`<tr><td></td><td></td><td></td><td></td></tr>`)}</tbody>
  </table>
</section>`
}

/** Where the facts come from, and where to read on. */
export function furtherReading(): SafeHtml {
  return html`
<section class="box keep further-reading">
  <h3>Further reading</h3>
  <p><span class="term">“${sourceArticle.title}”</span>, the article this session is based on. ${sourceArticle.note}</p>
  <p class="muted">For the practice beyond the article: the Scrum Guide (for product owner and Scrum Master), and your own organisation's role descriptions.</p>
</section>`
}
