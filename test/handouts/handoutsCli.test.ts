import type { PdfText } from '../support/pdfText'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { roles } from '../../content/roleFacts'
import { loadSessionDeck, numberDefinitions } from '../../content/sessionDeck'
import { definitionsFromLibrary } from '../../poll/server/pollCatalog'
import { sessionScenarios } from '../../print/sessionPolls'
import { talkingPoints } from '../../print/talkingPoints'
import { readPdfText } from '../support/pdfText'
import { runScript } from '../support/runScript'

const FIXTURE = 'test/fixtures/results/session-results.json'
const library = loadScenarioLibrary()
const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
// PDF text breaks lines after a hyphen ("what-and- why"): compare without any whitespace.
const bare = (text: string) => text.replace(/\s+/g, '')

interface OutlineItem { title: string, items: OutlineItem[] }
const titles = (items: OutlineItem[]): string[] => items.flatMap(item => [item.title, ...titles(item.items)])

const DOCUMENTS = ['participant', 'answers', 'facilitator', 'report'] as const

describe('npm run handouts --results (all four documents, one browser)', () => {
  const out = mkdtempSync(join(tmpdir(), 'handouts-'))
  let result: Awaited<ReturnType<typeof runScript>>
  const pdf: Record<string, PdfText> = {}
  const text: Record<string, string> = {}

  beforeAll(async () => {
    result = await runScript('scripts/handouts.ts', ['--out', out, '--results', FIXTURE, '--no-slide-images'])
    for (const name of DOCUMENTS) {
      const file = join(out, `${name}.pdf`)
      if (existsSync(file)) {
        pdf[name] = await readPdfText(file)
        text[name] = pdf[name].pages.join(' ')
      }
    }
  })
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('reports progress per document and a summary of the files written', () => {
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    for (const [title, name] of [['Participant handout', 'participant'], ['Answer sheet', 'answers'], ['Facilitator guide', 'facilitator'], ['Session report', 'report']] as const)
      expect(result.stdout).toContain(`  ${title.padEnd(20)} ${pdf[name]!.pages.length} pages\n`)
    expect(result.stdout).toMatch(/✓ 8 files written \(A4, [\d.]+ s\):/)
    for (const file of DOCUMENTS.flatMap(name => [`${name}.html`, `${name}.pdf`]))
      expect(result.stdout).toContain(join(out, file))
    expect(readdirSync(out).sort()).toEqual(['answers.html', 'answers.pdf', 'facilitator.html', 'facilitator.pdf', 'participant.html', 'participant.pdf', 'report.html', 'report.pdf'])
  })

  it('puts every scenario in the participant handout, the answer sheet and the facilitator guide', () => {
    for (const scenario of library.scenarios) {
      expect(text.participant).toContain(squash(scenario.title))
      expect(text.participant).toContain(squash(scenario.situation))
      expect(text.answers).toContain(squash(scenario.title))
      expect(bare(text.facilitator!)).toContain(bare(scenario.title))
    }
  })

  it('gives a poll the same number on the slide, the phone, the handout, the answer sheet and the guide', async () => {
    const deck = await loadSessionDeck(undefined, library)
    const phones = numberDefinitions(definitionsFromLibrary(library), deck)
    const { polls, spares } = sessionScenarios(library, deck)
    expect(polls).toHaveLength(deck.polls.length)
    for (const poll of deck.polls) {
      const scenario = library.byId.get(poll.scenarioId)!
      const slide = deck.parts.flatMap(part => part.slides).find(candidate => candidate.number === poll.slide)!
      expect(slide.polls).toContain(poll.scenarioId)
      expect(phones.find(definition => definition.id === poll.scenarioId)!.title).toBe(`Poll ${poll.number}: ${scenario.title}`)
      expect(text.participant).toContain(`Poll ${poll.number}. ${squash(scenario.title)}`)
      expect(text.answers).toContain(`Poll ${poll.number}. ${squash(scenario.title)}`)
      expect(text.facilitator).toContain(`Poll ${poll.number}: ${squash(scenario.title)}`)
    }
    // Spares are self-study in the handout, under the numbers the answer sheet uses.
    for (const spare of spares) {
      expect(text.participant).toContain(`${spare.label}. ${squash(spare.scenario.title)}`)
      expect(text.answers).toContain(`${spare.label}. ${squash(spare.scenario.title)}`)
    }
  })

  it('names the objectives and the source article in the handout, and the source in the answer sheet', () => {
    expect(text.participant).toContain('By the end you can')
    expect(text.participant).toContain('Route a request to the role that owns it')
    for (const name of ['participant', 'answers'])
      expect(text[name]).toContain('Product manager vs project manager: how do they differ')
    for (const heading of ['Who makes which call?', 'Glossary', 'Visionary or executor?', 'Who owns what in my team', 'Key points'])
      expect(text.participant).toContain(heading)
  })

  it('prints the cheat sheet of both roles, career ladders included, in the participant handout', () => {
    for (const role of roles) {
      expect(text.participant).toContain(role.title)
      expect(text.participant).toContain(role.goal)
      for (const title of [...role.career.entry, ...role.career.mid, ...role.career.senior, ...role.career.pivots])
        expect(text.participant).toContain(title)
      for (const skill of role.skills)
        expect(text.participant).toContain(skill.name)
    }
  })

  it('never shows an answer or a rationale in the participant handout', () => {
    expect(text.participant).not.toMatch(/intended answer/i)
    expect(text.participant).not.toMatch(/rationale/i)
    for (const scenario of library.scenarios) {
      expect(text.participant).not.toContain(squash(scenario.rationale))
      // Even a fragment of a rationale must not leak.
      expect(text.participant).not.toContain(squash(scenario.rationale).slice(0, 60))
      for (const question of scenario.debrief)
        expect(text.participant).not.toContain(squash(question))
    }
  })

  it('gives every scenario\'s answer, likely wrong pick, rationale and debrief on the answer sheet', () => {
    for (const scenario of library.scenarios) {
      const at = text.answers!.indexOf(`${squash(scenario.title)} `)
      expect(at, scenario.id).toBeGreaterThan(-1)
      const card = text.answers!.slice(at, at + 1600)
      expect(card).toContain(`INTENDED ANSWER ${scenario.answer}`)
      if (scenario.tempting)
        expect(card).toContain(`LIKELY WRONG PICK ${scenario.tempting}`)
      expect(card).toContain(squash(scenario.rationale))
      for (const question of scenario.debrief)
        expect(card).toContain(squash(question))
    }
  })

  it('puts each poll\'s answer, rationale and usual wrong answer beside its slide in the guide', async () => {
    const deck = await loadSessionDeck(undefined, library)
    for (const poll of deck.polls) {
      const scenario = library.byId.get(poll.scenarioId)!
      const at = text.facilitator!.indexOf(`Poll ${poll.number}: ${squash(scenario.title)}`)
      const block = text.facilitator!.slice(at, at + 1600)
      expect(block).toContain(`INTENDED ANSWER ${scenario.answer}`)
      expect(bare(block)).toContain(bare(scenario.rationale))
      expect(block).toContain('Usual wrong answer:')
      expect(block).toContain('Peer instruction:')
    }
  })

  it('gives the plan\'s minutes per part and the talking points of every slide it shows', async () => {
    const deck = await loadSessionDeck(undefined, library)
    expect(text.facilitator).toContain(`${deck.plan!.minutes} minutes`)
    for (const part of deck.parts.slice(1, -1)) {
      expect(text.facilitator).toContain(`${part.title} · ${part.minutes} min`)
      for (const slide of part.slides) {
        const { points, ask } = talkingPoints(slide.notes)
        expect(text.facilitator).toContain(squash(points[0]!.text))
        if (ask)
          expect(text.facilitator).toContain(`Ask: ${squash(ask)}`)
      }
    }
    for (const heading of ['Preparation checklist', 'Common misconceptions', 'Difficult moments', 'Remote and hybrid delivery', 'Spare scenarios: swap-ins', 'A room that splits'])
      expect(text.facilitator).toContain(heading)
  })

  it('reports the percentages of the fixture session, in the plan\'s poll order and numbers', () => {
    const report = text.report!
    // Hand-computed from the fixture: matched share of the final round, split = normalised entropy.
    expect(report).toContain('120 votes (final rounds) 63% matched the intended answer 3 worth revisiting')
    const rows = [
      'Poll 1: A prospect wants dark mode · revisit 20 50% 0.94',
      'Poll 2: The quick wins went first 20 75% 0.67',
      'Poll 3: One more page, same price? 20 85% 0.37',
      'Poll 4: Payments down on launch day · revisit 20 45% 0.73',
      'Poll 5: The same argument, three stand-ups running 20 65% 0.71 25% to 65%',
      'Poll 6: Ana\'s next step · revisit 20 55% 0.84',
      'Two cranes, four houses 0',
    ]
    let last = -1
    for (const row of rows) {
      const at = report.indexOf(row)
      expect(at, row).toBeGreaterThan(last)
      last = at
    }
    expect(report).toContain('Round 1 to 2: 25% to 65% matched (+40 points)')
    expect(report).toContain('Matched the intended answer: 85%')
    expect(report).toContain('Nobody voted in this poll.')
    // Bar labels drawn in the SVG chart: share and count per choice.
    for (const label of ['30% (6)', '20% (4)', '50% (10)', '35% (7)', '15% (3)', '65% (13)', '55% (11)'])
      expect(report).toContain(label)
    expect(report).toContain(`${library.scenarios.length - 7} other scenarios in the library were not polled`)
  })

  it('prints the fixture\'s scale and open polls, and closes with what the room will do differently', () => {
    const report = text.report!
    expect(report).toContain('The room moved 1 point towards executor.')
    expect(report).toContain('Round 1: 20 votes, median 4')
    expect(report).toContain('Round 2: 19 votes, median 5')
    expect(report).toContain('6× Planning')
    expect(report).toContain('3 answers are not shown')
    const closing = report.lastIndexOf('What the room will do differently')
    expect(closing).toBeGreaterThan(report.indexOf('Clear results'))
    expect(report.slice(closing)).toContain('5× Ask the product manager why')
  })

  it('numbers pages "Page N of M" under a running header with the kit title', () => {
    for (const [name, document] of Object.entries(pdf)) {
      const count = document.pages.length
      expect(count, name).toBeGreaterThan(1)
      document.pages.forEach((page, index) => {
        expect(page).toContain('Product vs Project Manager')
        expect(page).toContain(`Page ${index + 1} of ${count}`)
      })
    }
  })

  it('writes bookmarks from the headings, each title once', () => {
    const expected: Record<string, string[]> = {
      participant: ['The two roles at a glance', 'The polls, part by part', '1. Defining the roles', '5. Career paths and growth', 'Self-study: more situations', 'Who owns what in my team'],
      answers: ['The polls', 'Self-study scenarios'],
      facilitator: ['Learning objectives', 'Preparation checklist', 'Slide by slide', 'Remote and hybrid delivery', 'Spare scenarios: swap-ins'],
      report: ['Overview, in the order of the session', 'Worth revisiting', 'Clear results', 'Poll 5: The same argument, three stand-ups running'],
    }
    for (const [name, wanted] of Object.entries(expected)) {
      const outline = pdf[name]!.outline as OutlineItem[] | null
      expect(outline, name).not.toBeNull()
      const all = titles(outline!)
      for (const title of wanted)
        expect(all, name).toContain(title)
      // Chromium can repeat a heading's text in its bookmark; the print CSS prevents it.
      expect(all.filter(title => /^(.{4,})\1$/.test(title)), name).toEqual([])
    }
  })

  it('makes tagged PDFs that embed only the kit\'s fonts: Inter, and Noto Emoji for the room\'s emoji', () => {
    for (const name of DOCUMENTS) {
      const file = join(out, `${name}.pdf`)
      expect(readFileSync(file).includes('/StructTreeRoot'), name).toBe(true)
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
      expect(fonts.length, name).toBeGreaterThan(0)
      for (const line of fonts)
        expect(line, name).toMatch(/^[A-Z]{6}\+(?:Inter|NotoEmoji)-\w+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
      expect(fonts.some(line => line.includes('NotoEmoji')), name).toBe(name === 'report')
    }
  })

  it('writes self-contained HTML beside each PDF', () => {
    for (const name of DOCUMENTS) {
      const page = readFileSync(join(out, `${name}.html`), 'utf8')
      expect(page).toMatch(/^<!doctype html>/)
      expect(page).toContain('font/woff2;base64,')
      expect(page).not.toMatch(/(?:src|href)=["']?https?:/)
    }
  })
})
