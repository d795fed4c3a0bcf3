import type { SessionResults } from '../../poll/results/resultsFormat'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { sessionResultsSchema } from '../../poll/results/resultsFormat'
import { sessionReport } from '../../print/documents/sessionReport'
import { analyseOpen, analyseScale } from '../../print/promptResults'
import { analyseSession } from '../../print/results'
import { describeScale } from '../../print/scaleChart'
import { sessionPositions } from '../../print/sessionOrder'

const FIXTURE = 'test/fixtures/results/session-results.json'
const library = loadScenarioLibrary()
const pollOrder = library.sections.flatMap(section => section.pollIds)
const fixture = (): SessionResults => sessionResultsSchema.parse(JSON.parse(readFileSync(FIXTURE, 'utf8')))
const report = (results: SessionResults) => sessionReport({ analysis: analyseSession(results, library), kitTitle: 'Kit', paper: 'a4', pollOrder })
/** The report's body without styles and tags, whitespace squashed. */
const bodyText = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('scale polls in the session report', () => {
  it('gives each round\'s median and the shift in the scale\'s own words', () => {
    const [scale] = fixture().scales!
    expect(analyseScale(scale!).shiftText).toBe('The room moved 1 point towards executor.')
    const back = { ...scale!, rounds: [{ ...scale!.rounds[0]!, counts: [0, 0, 0, 0, 2, 0, 0] }, { ...scale!.rounds[1]!, counts: [0, 0, 1, 1, 0, 0, 0] }] }
    expect(analyseScale(back).medians).toEqual([5, 3.5])
    expect(analyseScale(back).shiftText).toBe('The room moved 1.5 points towards visionary.')
    expect(analyseScale({ ...scale!, rounds: [scale!.rounds[0]!] }).shiftText).toMatch(/placed itself once/)
  })

  it('says the middle stayed when both rounds share a median, and keeps an acronym label as written', () => {
    const [scale] = fixture().scales!
    const same = { ...scale!, maxLabel: 'PMO', rounds: [scale!.rounds[0]!, { ...scale!.rounds[0]!, round: 2 }] }
    expect(analyseScale(same).shiftText).toBe('The room\'s middle stayed where it was (median 4).')
    const towardsPmo = { ...same, rounds: [scale!.rounds[0]!, scale!.rounds[1]!] }
    expect(analyseScale(towardsPmo).shiftText).toBe('The room moved 1 point towards PMO.')
  })

  it('draws one histogram per round, with counts, medians and the end labels, and no intended answer', () => {
    const html = report(fixture())
    const text = bodyText(html)
    expect(html.match(/<svg[^>]*aria-labelledby="scale-/g)).toHaveLength(2)
    expect(text).toContain('Round 1: 20 votes , median 4')
    expect(text).toContain('Round 2: 19 votes , median 5')
    expect(text).toContain('The room moved 1 point towards executor.')
    expect(html).toContain('>Visionary</text>')
    expect(html).toContain('>Executor</text>')
    const card = html.slice(html.indexOf('Where are you today?</h3>'), html.indexOf('</article>', html.indexOf('Where are you today?</h3>')))
    expect(card).not.toMatch(/intended answer:|Matched/)
    expect(card).toContain('no intended answer')
  })

  it('describes a histogram for screen readers with every point\'s count and share', () => {
    expect(describeScale({ id: 'x', title: 't', min: 1, minLabel: 'Visionary', maxLabel: 'Executor', counts: [1, 0, 3], median: 3, topShare: 0.75, colour: '#000' }))
      .toBe('4 votes. 1 (Visionary): 1 (25%), 2: 0 (0%), 3 (Executor): 3 (75%). Median 3.')
  })
})

describe('open polls in the session report', () => {
  it('lists the approved answers most frequent first, with counts, and only a count of the rest', () => {
    const [oneWord] = fixture().openPolls!
    const [round] = analyseOpen({ ...oneWord!, rounds: [{ ...oneWord!.rounds[0]!, approved: [...oneWord!.rounds[0]!.approved].reverse() }] }).rounds
    expect(round!.groups.slice(0, 3)).toEqual([{ text: 'Planning', count: 6 }, { text: 'Deadlines', count: 3 }, { text: 'Risk & scope', count: 2 }])
    expect(round!.notShown).toBe(3)
    const text = bodyText(report(fixture()))
    expect(text).toContain('20 people gave 20 answers; approved answers , most frequent first: 6× Planning 3× Deadlines 2× Glue 2× Risk &amp; scope')
    expect(text).toContain('3 answers are not shown: hidden or never approved in moderation.')
  })

  it('closes the report with what the room will do differently', () => {
    const text = bodyText(report(fixture()))
    const closing = text.indexOf('What the room will do differently')
    expect(closing).toBeGreaterThan(text.indexOf('Clear results'))
    expect(text.slice(closing)).toContain('18 people gave 29 answers; approved answers , most frequent first: 5× Ask the product manager why 4× Write down who decides what')
    expect(text.slice(closing)).toContain('6 answers are not shown')
    expect(text.slice(closing)).not.toContain('One word')
  })

  it('writes answer texts as escaped text, never as markup, each isolated from the text around it', () => {
    const results = fixture()
    const hostile = ['<script>alert("x")</script>', 'Tom & Jerry\'s <b>plan</b>', '\u202Eevil\u202C', 'תכנון ושיתוף']
    results.openPolls![1]!.rounds[0]!.approved = hostile.map(text => ({ text, count: 1, approved: true as const }))
    const html = report(results)
    const body = html.slice(html.indexOf('<body>'))
    expect(body).not.toContain('<script')
    expect(body).not.toContain('<b>plan</b>')
    expect(body).toContain('<bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</bdi>')
    expect(body).toContain('<bdi>Tom &amp; Jerry&#39;s &lt;b&gt;plan&lt;/b&gt;</bdi>')
    expect(body).toContain('<bdi>\u202Eevil\u202C</bdi>')
    expect(body).toContain('<span class="count">1×</span> <bdi>תכנון ושיתוף</bdi>')
  })

  it('heads each round of an open poll asked twice', () => {
    const results = fixture()
    const [round] = results.openPolls![0]!.rounds
    results.openPolls![0]!.rounds = [round!, { ...round!, round: 2, respondents: 3, answers: 3, approved: [{ text: 'Glue', count: 3, approved: true }] }]
    const text = bodyText(report(results))
    expect(text).toContain('Round 1 20 people gave 20 answers')
    expect(text).toContain('Round 2 3 people gave 3 answers; approved answers , most frequent first: 3× Glue')
  })

  it('leaves the new sections out of a report on results without scale or open polls', () => {
    const { scales: _scales, openPolls: _openPolls, ...choiceOnly } = fixture()
    const html = report({ ...choiceOnly, version: 1 })
    expect(html).not.toContain('The room in its own words')
    expect(html).not.toContain('What the room will do differently')
    expect(html).not.toContain('<bdi>')
  })

  it('says so when nothing was approved', () => {
    const results = fixture()
    results.openPolls![0]!.rounds[0]!.approved = []
    const text = bodyText(report(results))
    expect(text).toContain('No answer was approved.')
    expect(text).toContain('20 answers are not shown')
  })
})

describe('the report\'s session order', () => {
  it('places a poll the plan does not number after the last numbered poll the index lists before it', () => {
    const position = sessionPositions([{ scenarioId: 'b', number: 1 }, { scenarioId: 'd', number: 2 }], ['a', 'b', 'c', 'd', 'e', 'f'])
    const ids = ['f', 'd', 'unknown', 'c', 'b', 'e', 'a']
    expect(ids.sort((x, y) => position(x) - position(y) || x.localeCompare(y))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'unknown'])
    expect(position('b')).toBe(1)
    expect(position('unknown')).toBe(Infinity)
  })

  it('lists every kind in the overview in session order: one word first, next Monday last', () => {
    const polls = [
      { scenarioId: 'warmup-dark-mode-question', number: 1, slide: 5 },
      { scenarioId: 'payment-outage-on-launch-day', number: 2, slide: 9 },
    ]
    const html = sessionReport({ analysis: analyseSession(fixture(), library), kitTitle: 'Kit', paper: 'a4', polls, pollOrder })
    const overview = bodyText(html.slice(html.indexOf('<table class="summary">'), html.indexOf('</table>')))
    const order = ['One word', 'Poll 1: A prospect wants dark mode', 'Where are you today?', 'Poll 2: Payments down on launch day', 'Next Monday']
    const at = order.map(title => overview.indexOf(title))
    expect(at.every(index => index >= 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    expect(overview).toContain('Median 4 to 5. The room moved 1 point towards executor.')
    expect(overview).toContain('29 answers, 23 approved and shown in this report.')
  })
})
