import type { PdfRenderer } from '../../print/renderPdf'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { openPdf } from '../../lib/pdfText'
import { buildHandouts } from '../../print/buildHandouts'
import { launchPdfRenderer } from '../../print/renderPdf'
import { readPdfText } from '../support/pdfText'

// PDF points (1/72 inch): A4 is 210 × 297 mm, US Letter 8.5 × 11 in.
const SIZES = { a4: [595.28, 841.89], letter: [612, 792] } as const

let renderer: PdfRenderer
const work = mkdtempSync(join(tmpdir(), 'handouts-paper-'))
beforeAll(async () => {
  renderer = await launchPdfRenderer()
})
afterAll(async () => {
  await renderer?.close()
  rmSync(work, { recursive: true, force: true })
})

async function pageSizes(file: string): Promise<number[][]> {
  const pdf = await openPdf(file)
  const sizes: number[][] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const [x0, y0, x1, y1] = (await pdf.getPage(number)).view as [number, number, number, number]
    sizes.push([x1 - x0, y1 - y0])
  }
  return sizes
}

describe.each(['a4', 'letter'] as const)('handouts on %s paper', (paper) => {
  const out = join(work, paper)
  let run: Awaited<ReturnType<typeof buildHandouts>>

  beforeAll(async () => {
    run = await buildHandouts({
      outDir: out,
      format: 'pdf',
      paper,
      resultsFile: join(KIT_ROOT, 'test/fixtures/results/session-results.json'),
      deckRoot: KIT_ROOT,
      renderer,
    })
  })

  it('gives every page of every document the paper\'s size', async () => {
    const [width, height] = SIZES[paper]
    for (const document of run.documents) {
      const sizes = await pageSizes(document.files[0]!)
      expect(sizes.length).toBe(document.pages)
      for (const [pageWidth, pageHeight] of sizes) {
        // Chromium rounds the page box to whole CSS pixels: within a point of the paper size.
        expect(Math.abs(pageWidth! - width)).toBeLessThan(1)
        expect(Math.abs(pageHeight! - height)).toBeLessThan(1)
      }
    }
  })

  it('counts the pages it reports the same way a PDF reader does', async () => {
    for (const document of run.documents) {
      const text = await readPdfText(document.files[0]!)
      expect(text.pages.length).toBe(document.pages)
      expect(text.pages.at(-1)).toContain(`Page ${document.pages} of ${document.pages}`)
    }
  })

  it('writes only the finished PDFs, no temp files', () => {
    expect(readdirSync(out).sort()).toEqual(['answers.pdf', 'facilitator.pdf', 'participant.pdf', 'report.pdf'])
  })
})
