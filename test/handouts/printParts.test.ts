import type { DeckPlan } from '../../content/deckPlan'
import type { ScenarioLibrary } from '../../content/loadScenarios'
import type { Scenario } from '../../content/scenarioSchema'
import { Buffer } from 'node:buffer'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadDeckPlan, polledScenarioIds } from '../../content/deckPlan'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { choosePlan, loadSessionPlans } from '../../content/loadSessionPlans'
import { sections } from '../../content/sections'
import { KIT_ROOT } from '../../lib/kitPaths'
import { writeFileAtomic } from '../../lib/writeAtomic'
import { barChart, describeChart, wrapLabel } from '../../print/barChart'
import { answerSheet } from '../../print/documents/answerSheet'
import { facilitatorGuide } from '../../print/documents/facilitatorGuide'
import { participantHandout } from '../../print/documents/participantHandout'
import { cssString, escapeHtml, html, trustedHtml } from '../../print/html'
import { countPdfPages } from '../../print/renderPdf'
import { talkingPoints } from '../../print/talkingPoints'

const hostile: Scenario = {
  id: 'hostile-text',
  section: 'defining-roles',
  title: '<script>alert(1)</script> & "quotes"',
  situation: 'A <b>bold</b> claim </style><img src=x onerror=alert(1)>',
  question: 'Who should handle <this>?',
  choices: ['Product manager', 'Project <manager>', 'Both, together'],
  answer: 'Project <manager>',
  rationale: 'Because </article> closes nothing here.',
  debrief: ['Is "<em>" safe?'],
  minutes: 2,
}
const library: ScenarioLibrary = {
  sections: sections.map(section => ({ ...section, scenarioIds: section.id === 'defining-roles' ? [hostile.id] : [], pollIds: section.id === 'defining-roles' ? [hostile.id] : [] })),
  scenarios: [hostile],
  byId: new Map([[hostile.id, hostile]]),
  prompts: [],
  promptsById: new Map(),
}

describe('escaping', () => {
  it('escapes the five HTML special characters', () => {
    expect(escapeHtml('<a href="x">Tom & Jerry\'s</a>')).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;')
  })

  it('escapes interpolations in html`` unless they are markup it built', () => {
    const inner = html`<b>${'<i>'}</b>`
    expect(html`<p>${'<script>'}${inner}${[1, ' & ', 2]}${null}${false}</p>`.value).toBe('<p>&lt;script&gt;<b>&lt;i&gt;</b>1 &amp; 2</p>')
    expect(html`${trustedHtml('<br>')}`.value).toBe('<br>')
  })

  it('quotes text for CSS content without letting it close the style element', () => {
    expect(cssString('Say "hi" \\ </style>')).toBe('"Say \\"hi\\" \\\\ \\3c /style>"')
  })

  it('never lets scenario text become markup in a document', () => {
    const slide = { number: 1, title: 'Poll', minutes: 2, notes: 'Run it.', content: `<ScenarioPoll id="${hostile.id}" />`, polls: [hostile.id], source: { file: 'slides.md', line: 1 } }
    const deck: DeckPlan = {
      title: 'Kit </style><script>x</script>',
      parts: [{ file: 'slides.md', title: 'Defining the roles', minutes: 2, slides: [slide] }],
      totalMinutes: 2,
      problems: [],
      polls: [{ number: 1, scenarioId: hostile.id, slide: 1 }],
      planIssues: [],
    }
    const participant = participantHandout({ library, deck, paper: 'a4' })
    const facilitator = facilitatorGuide({ library, plan: deck, paper: 'letter' })
    const answers = answerSheet({ library, deck, paper: 'a4' })
    for (const page of [participant, facilitator, answers]) {
      expect(page).not.toContain('<script>')
      expect(page).not.toContain('<img')
      expect(page).not.toContain('<this>')
      expect(page).not.toContain('</style><')
      expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;')
    }
    expect(facilitator).toContain('Because &lt;/article&gt; closes nothing here.')
    expect(answers).toContain('Because &lt;/article&gt; closes nothing here.')
    // The handout is printed before the session: no answer, no rationale.
    expect(participant).not.toContain('closes nothing here')
    expect(participant).not.toContain('Intended answer')
  })
})

describe('bar chart', () => {
  const input = { id: 'c1', title: 'How <the> room voted', choices: ['Product manager', 'Project manager', 'Both, together'], answerIndex: 2, rounds: [{ round: 1, voters: 20, counts: [7, 8, 5] }, { round: 2, voters: 20, counts: [3, 4, 13] }] }

  it('is an accessible image with a title and a text description of every bar', () => {
    const svg = barChart(input).value
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/)
    expect(svg).toContain('<title id="c1-title">How &lt;the&gt; room voted</title>')
    expect(describeChart(input)).toBe('Round 1, 20 votes: Product manager 7 (35%), Project manager 8 (40%), Both, together (intended answer) 5 (25%). '
      + 'Round 2, 20 votes: Product manager 3 (15%), Project manager 4 (20%), Both, together (intended answer) 13 (65%).')
  })

  it('draws one bar per choice and round, scaled to the share', () => {
    const svg = barChart(input).value
    const bars = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*fill-opacity/g)].map(match => Number(match[1]))
    expect(bars).toHaveLength(6)
    // The widest bar is round 2's 65%; widths are proportional to the shares.
    expect(bars[5]! / bars[1]!).toBeCloseTo(65 / 15, 1)
  })

  it('wraps long choice labels at spaces', () => {
    expect(wrapLabel('Either, if she builds the missing skills')).toEqual(['Either, if she builds the', 'missing skills'])
    expect(wrapLabel('Product manager')).toEqual(['Product manager'])
  })
})

describe('facilitator notes', () => {
  it('splits a note into talking points, lead-ins and the question to ask', () => {
    expect(talkingPoints('[3 min]\nSay hello.\nReveal: show the split first.\nAsk: Who has seen this?')).toEqual({
      points: [{ text: 'Say hello.' }, { label: 'Reveal', text: 'show the split first.' }],
      ask: 'Who has seen this?',
      optionalAsks: [],
    })
  })

  it('keeps optional prompts apart from the essential question', () => {
    expect(talkingPoints('[3 min]\nSay hello.\nAsk (optional, +1 min): Any stories?\nAsk: Who has seen this?')).toEqual({
      points: [{ text: 'Say hello.' }],
      ask: 'Who has seen this?',
      optionalAsks: ['Any stories?'],
    })
  })

  it('finds the scenarios a slide polls', () => {
    expect(polledScenarioIds('# Poll\n\n<ScenarioCard id="key-engineer-out-three-weeks" />\n<ScenarioCard class="x" id=\'b-c\'/>')).toEqual(['key-engineer-out-three-weeks', 'b-c'])
    expect(polledScenarioIds('<ScenarioPoll id="launch-sooner-with-more-features" />')).toEqual(['launch-sooner-with-more-features'])
  })

  it('finds every poll slide of the shipped deck, for the facilitator guide', async () => {
    const plan = await loadDeckPlan(KIT_ROOT)
    const polled = plan.parts.flatMap(part => part.slides).flatMap(slide => polledScenarioIds(slide.content))
    expect(polled).toHaveLength(6)
    expect(polled[0]).toBe('warmup-dark-mode-question')
  })
})

describe('the self-placement scale', () => {
  it('prints on the handout the points the deck\'s scale poll asks, so paper and phones agree', async () => {
    const shipped = loadScenarioLibrary()
    const scale = shipped.prompts.find(prompt => prompt.kind === 'scale')
    if (scale?.kind !== 'scale')
      throw new Error('The shipped library has no scale poll')
    const deck = await loadDeckPlan(KIT_ROOT, { library: shipped, plan: choosePlan(loadSessionPlans(), undefined) })
    const steps = /<ol class="scale-steps">(.*?)<\/ol>/s.exec(participantHandout({ library: shipped, deck, paper: 'a4' }))?.[1] ?? ''
    const points = [...steps.matchAll(/<li>(-?\d+)<\/li>/g)].map(match => Number(match[1]))
    expect(points).toEqual(Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index))
    expect(points).toHaveLength(7)
  })
})

describe('writing files', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'handouts-atomic-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('replaces a file whole and leaves no temp file', async () => {
    const file = join(dir, 'doc.pdf')
    await writeFileAtomic(file, 'first')
    await writeFileAtomic(file, 'second')
    expect(readFileSync(file, 'utf8')).toBe('second')
    expect(readdirSync(dir)).toEqual(['doc.pdf'])
  })

  it('removes its temp file when the final rename fails', async () => {
    writeFileSync(join(dir, 'doc.pdf'), 'an earlier document')
    const target = join(dir, 'taken')
    mkdirSync(join(target, 'inside'), { recursive: true })
    await expect(writeFileAtomic(target, 'pdf bytes')).rejects.toThrow()
    expect(readdirSync(dir).sort()).toEqual(['doc.pdf', 'taken'])
    expect(existsSync(join(target, 'inside'))).toBe(true)
  })

  it('counts the pages of a PDF', () => {
    const fake = Buffer.from('<< /Type /Pages /Count 2 >> << /Type /Page >> << /Type/Page/Parent 1 0 R >>', 'latin1')
    expect(countPdfPages(fake)).toBe(2)
  })
})
