import type { SlideExporter } from '../../print/slideImages'
import { Buffer } from 'node:buffer'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { loadSessionDeck } from '../../content/sessionDeck'
import { KIT_ROOT } from '../../lib/kitPaths'
import { buildHandouts } from '../../print/buildHandouts'
import { slideImages } from '../../print/slideImages'

// A 1×1 PNG: the guide only needs the files the export writes, one per slide, named by number.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')
const work = mkdtempSync(join(tmpdir(), 'slide-images-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Stands in for `slidev export --format png`: one picture per slide the plan shows. */
function fakeExporter(calls: string[]): SlideExporter {
  return async ({ plan, outDir }) => {
    calls.push(plan)
    const deck = await loadSessionDeck(plan, loadScenarioLibrary())
    for (const slide of deck.parts.flatMap(part => part.slides))
      writeFileSync(join(outDir, `${slide.number}.png`), PIXEL)
  }
}

describe('slide pictures in the facilitator guide', () => {
  it.each(['60', '90'])('carries a picture of every slide in plan %s', async (plan) => {
    const out = join(work, `guide-${plan}`)
    await buildHandouts({ outDir: out, format: 'html', paper: 'a4', only: 'facilitator', deckRoot: KIT_ROOT, plan, slideImages: { exporter: fakeExporter([]), cacheDir: join(work, 'cache') } })
    const guide = readFileSync(join(out, 'facilitator.html'), 'utf8')
    const deck = await loadSessionDeck(plan, loadScenarioLibrary())
    const numbers = deck.parts.flatMap(part => part.slides).map(slide => slide.number)
    const pictured = [...guide.matchAll(/<img class="slide-thumb" src="data:image\/png;base64,[^"]+" alt="Slide (\d+)">/g)].map(match => Number(match[1]))
    expect(pictured).toEqual(numbers)
  })

  it('exports once per plan and deck, then reads the cache', async () => {
    const calls: string[] = []
    const cacheDir = join(work, 'cache-reuse')
    const options = { root: KIT_ROOT, executablePath: '', cacheDir, exporter: fakeExporter(calls) }
    const first = await slideImages({ ...options, plan: '60' })
    const again = await slideImages({ ...options, plan: '60' })
    await slideImages({ ...options, plan: '90' })
    expect(calls).toEqual(['60', '90'])
    expect(again).toEqual(first)
  })

  it('leaves no cache entry behind when the export fails', async () => {
    const cacheDir = join(work, 'cache-failed')
    const failing: SlideExporter = async () => {
      throw new Error('no browser')
    }
    await expect(slideImages({ root: KIT_ROOT, plan: '60', executablePath: '', cacheDir, exporter: failing })).rejects.toThrow('no browser')
    const calls: string[] = []
    await slideImages({ root: KIT_ROOT, plan: '60', executablePath: '', cacheDir, exporter: fakeExporter(calls) })
    expect(calls).toEqual(['60'])
  })
})
