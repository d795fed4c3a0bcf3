import type { NamedFact, RoleFacts } from '../../content/roleFacts.ts'
import type { SafeHtml } from '../html.ts'
import { frictionRemedies, frictionSources, projectIndustries, roadTripAnalogy, roleMixUps, roles } from '../../content/roleFacts.ts'
import { html } from '../html.ts'

type Row = [label: string, cell: (role: RoleFacts) => SafeHtml]

function factList(facts: readonly NamedFact[]) {
  return html`<ul>${facts.map(fact => html`<li><span class="term">${fact.name}</span>: ${fact.detail}</li>`)}</ul>`
}

const rows: Row[] = [
  ['Focus', role => html`<span class="term">${role.focus}</span><br>${role.focusAreas}`],
  ['Goal', role => html`${role.goal}`],
  ['A typical call', role => html`${role.typicalAct}`],
  ['Core jobs', role => html`<ul>${role.responsibilities.map(job => html`<li><span class="term">${job.name}</span>: ${job.question}</li>`)}</ul>`],
  ['Keeps in balance', role => html`${role.balances}`],
  ['Skills', role => html`${factList(role.skills)}<p class="muted small cell-note">${role.skillsSummary}</p>`],
  ['In one picture', role => html`${role.id === 'product' ? roadTripAnalogy.product : roadTripAnalogy.project}`],
  ['Works with the team', role => html`<p class="cell-lead"><span class="term">${role.teamRole}</span></p>${factList(role.collaboration)}`],
  ['Career ladder', role => html`<dl class="ladder">
    <dt>Entry</dt><dd>${role.career.entry.join(', ')}</dd>
    <dt>Mid</dt><dd>${role.career.mid.join(', ')}</dd>
    <dt>Senior</dt><dd>${role.career.senior.join(', ')}</dd>
    <dt>Pivots</dt><dd>${role.career.pivots.join(', ')}</dd>
  </dl>`],
]

/** The two roles side by side, then what goes wrong between them and what keeps them in step. */
export function roleCheatSheet(): SafeHtml {
  return html`
<h2 id="roles">The two roles at a glance</h2>
<table class="compare">
  <thead><tr>
    <td></td>
    ${roles.map(role => html`<th scope="col" class="tone-${role.id}">${role.title}<span class="sub">${role.nickname}</span></th>`)}
  </tr></thead>
  <tbody>
    ${rows.map(([label, cell]) => html`<tr><th scope="row">${label}</th>${roles.map(role => html`<td class="tone-${role.id}">${cell(role)}</td>`)}</tr>`)}
  </tbody>
</table>
<p class="muted small after-table">Project management skills carry across industries: ${projectIndustries.join(', ')} and many more.</p>
<div class="pair">
  <div class="box">
    <h3>When the roles blur</h3>
    <p class="muted">${roleMixUps.image}:</p>
    <ul>${roleMixUps.examples.map(example => html`<li>${example}</li>`)}</ul>
    <p class="box-close"><span class="term">${roleMixUps.together}</span></p>
  </div>
  <div class="box">
    <h3>Friction, and what fixes it</h3>
    ${factList(frictionSources)}
    <p class="muted box-between">Regular alignment keeps the two in step:</p>
    ${factList(frictionRemedies)}
  </div>
</div>`
}
