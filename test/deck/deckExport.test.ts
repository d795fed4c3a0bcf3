import type { DeckPlan } from '../../content/deckPlan'
import type { PdfText } from '../support/pdfText'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeckPlan } from '../../content/deckPlan'
import { sections } from '../../content/sections'
import { KIT_ROOT } from '../../lib/kitPaths'
import { readPdfText } from '../support/pdfText'
import { runScript } from '../support/runScript'

// Text mermaid draws instead of a diagram when it cannot parse or render one.
const MERMAID_FAILURE = /Syntax error in text|Parse error on line|mermaid version \d/i

/** Node labels of a mermaid flowchart as drawn text, e.g. `A["<b>Mid</b><br/>Program manager"]` gives "Mid Program manager". */
function mermaidLabels(code: string): string[] {
  return [...code.matchAll(/\w[[({]+"?([^"[\]({})]{3,})"?[\])}]+/g)]
    .map(match => match[1]!.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim())
}

describe('npm run export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deck-export-'))
  const output = join(dir, 'deck.pdf')
  let exitCode: number | null
  let log: string
  let pdf: PdfText
  let plan: DeckPlan

  beforeAll(async () => {
    const result = await runScript('scripts/export.ts', ['--output', output])
    exitCode = result.code
    log = result.stdout + result.stderr
    plan = await loadDeckPlan(KIT_ROOT)
    if (existsSync(output))
      pdf = await readPdfText(output)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('writes the deck PDF with a real Chromium and says where', () => {
    expect(exitCode, log).toBe(0)
    expect(log).toContain('Deck PDF written to')
    expect(existsSync(output)).toBe(true)
  })

  it('describes itself in plain words: no markdown in the Subject field', () => {
    expect(pdf.subject).toMatch(/^A hands-on workshop/)
    expect(pdf.subject).not.toMatch(/[#*_`]/)
  })

  it('has one page per slide', () => {
    const slideCount = plan.parts.reduce((sum, part) => sum + part.slides.length, 0)
    expect(pdf.pages).toHaveLength(slideCount)
  })

  it('contains every section title', () => {
    const text = pdf.pages.join('\n')
    for (const section of sections)
      expect(text).toContain(section.title)
  })

  it('renders every mermaid diagram', () => {
    const diagrams = plan.parts.flatMap(part => part.slides)
      .flatMap(slide => [...slide.content.matchAll(/```mermaid[^\n]*\n([\s\S]*?)```/g)].map(match => ({ slide, code: match[1]! })))
    expect(diagrams.length).toBeGreaterThanOrEqual(5)
    for (const { slide, code } of diagrams) {
      const page = pdf.pages[slide.number - 1]!
      expect(page, `slide ${slide.number}`).not.toMatch(MERMAID_FAILURE)
      const labels = mermaidLabels(code)
      expect(labels.length, `slide ${slide.number} has labelled nodes`).toBeGreaterThan(0)
      const drawn = labels.filter(label => page.includes(label))
      expect(drawn.length, `slide ${slide.number}: labels drawn of ${labels.join(' | ')}`).toBeGreaterThanOrEqual(Math.ceil(labels.length / 2))
    }
  })
})
