import type { SlideExporter } from '../../print/slideImages'
import { Buffer } from 'node:buffer'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { loadSessionDeck } from '../../content/sessionDeck'
import { KIT_ROOT } from '../../lib/kitPaths'
import { isBlankPng } from '../../print/blankImage'
import { buildHandouts } from '../../print/buildHandouts'
import { slideImages } from '../../print/slideImages'

/** A 2×1 PNG of these two RGBA colours: the guide only needs one file per slide, named by number. */
function twoPixels(left: number[], right: number[]): Buffer {
  const png = new PNG({ width: 2, height: 1 })
  png.data = Buffer.from([...left, ...right])
  return PNG.sync.write(png)
}
const DRAWN = twoPixels([255, 255, 255, 255], [17, 24, 39, 255])
const BLANK = twoPixels([255, 255, 255, 255], [255, 255, 255, 255])
const work = mkdtempSync(join(tmpdir(), 'slide-images-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/**
 * Stands in for `slidev export --format png`: one picture per slide the plan shows, with
 * the slides in `blank` (per call, the last entry repeating) left undrawn.
 */
function fakeExporter(calls: string[], blank: number[][] = [[]], waits: number[] = []): SlideExporter {
  return async ({ plan, outDir, waitMs }) => {
    calls.push(plan)
    waits.push(waitMs)
    const undrawn = blank[calls.length - 1] ?? blank.at(-1)!
    const deck = await loadSessionDeck(plan, loadScenarioLibrary())
    for (const slide of deck.parts.flatMap(part => part.slides))
      writeFileSync(join(outDir, `${slide.number}.png`), undrawn.includes(slide.number) ? BLANK : DRAWN)
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

  it('tells a drawn slide from one the browser took before it drew', () => {
    expect(isBlankPng(DRAWN)).toBe(false)
    expect(isBlankPng(BLANK)).toBe(true)
  })

  it('draws blank pictures again with time to draw, and caches only the drawn ones', async () => {
    const calls: string[] = []
    const waits: number[] = []
    const notices: string[] = []
    const cacheDir = join(work, 'cache-blank-once')
    const images = await slideImages({ root: KIT_ROOT, plan: '60', executablePath: '', cacheDir, exporter: fakeExporter(calls, [[2, 5], []], waits), notice: text => notices.push(text) })
    expect(waits).toEqual([0, 3000])
    expect(notices).toEqual([
      'Drawing the slide pictures for the guide (plan 60); once per change to the deck…',
      'The pictures of slides 2 and 5 came out blank; drawing them again with 3 s for the slides to draw…',
    ])
    expect(images.get(2)).toBe(`data:image/png;base64,${DRAWN.toString('base64')}`)
    await slideImages({ root: KIT_ROOT, plan: '60', executablePath: '', cacheDir, exporter: fakeExporter(calls) })
    expect(calls).toHaveLength(2)
  })

  it('stops with what to do when a picture is blank twice, and caches nothing', async () => {
    const cacheDir = join(work, 'cache-blank-twice')
    await expect(slideImages({ root: KIT_ROOT, plan: '60', executablePath: '', cacheDir, exporter: fakeExporter([], [[3]]) }))
      .rejects
      .toThrow('The guide\'s picture of slide 3 came out blank twice: the browser took them before the slides had drawn. Close other busy programs and run again, or pass --no-slide-images.')
    const calls: string[] = []
    await slideImages({ root: KIT_ROOT, plan: '60', executablePath: '', cacheDir, exporter: fakeExporter(calls) })
    expect(calls).toEqual(['60'])
  })
})
