// Every slide as the back row sees it: the deck on a 1920×1080 projector window, with
// every request that would leave the machine blocked and recorded. Checks that the
// deck renders in its bundled Inter with nothing fetched from the internet, that every
// projected text has WCAG AA contrast, and that the text on a poll slide (live, and
// revealed) is at least 32 px; and that the presenter view shows each live poll's controls
// whole, before and after the reveal. Screenshots of every slide in test-results/slides/.
import type { Browser, Page } from 'playwright-core'
import type { SpawnedPollServer } from '../../scripts/lib/spawnPollServer'
import type { MeasuredText } from './support/measureSlide'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { KIT_ROOT } from '../../lib/kitPaths'
import { choiceLetter } from '../../poll/choiceLetter'
import { socketUrl } from '../../poll/protocol'
import { spawnPollServer } from '../../scripts/lib/spawnPollServer'
import { TestSocket } from '../poll/support/testSocket'
import { measureSlide } from './support/measureSlide'
import { motionDone } from './support/motionDone'

const SHOTS_DIR = join(KIT_ROOT, 'test-results', 'slides')
/** The rule for a poll slide: any text the room must read is at least this big at 1080p. */
const MIN_POLL_TEXT_PX = 32
/**
 * WCAG 2.2 AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold), in the slide's own
 * CSS pixels: scaling the slide up to the screen does not make its grey any darker.
 */
function minContrast(text: MeasuredText): number {
  return text.cssPx >= 24 || (text.bold && text.cssPx >= 18.66) ? 3 : 4.5
}

const dataDir = mkdtempSync(join(tmpdir(), 'e2e-projector-'))
let server: SpawnedPollServer
/** The e2e project's shared deck (test/e2e/support/sharedDeck.ts). */
let deck: { url: string }
let browser: Browser
let page: Page
/** The presenter view of the same deck, following the walk to check its poll controls. */
let presenterView: Page
let presenter: TestSocket
const leaks: string[] = []

interface SlidevNav { go: (no: number, clicks?: number) => void, clicksTotal: number }

/**
 * Moves the projector to slide `no` with every click shown (as the arrow keys would) and
 * waits until it is drawn in its final fonts.
 */
async function show(no: number): Promise<void> {
  await page.evaluate(to => (globalThis as unknown as { __slidev__: { nav: SlidevNav } }).__slidev__.nav.go(to), no)
  await page.locator(`.slidev-page-${no} .slidev-layout`).waitFor({ timeout: 30_000 })
  await page.evaluate((to) => {
    const { nav } = (globalThis as unknown as { __slidev__: { nav: SlidevNav } }).__slidev__
    if (nav.clicksTotal > 0)
      nav.go(to, nav.clicksTotal)
  }, no)
  await page.evaluate(async () => {
    await document.fonts.ready
  })
  if (await page.locator(`.slidev-page-${no} .mermaid`).count() > 0)
    await page.locator(`.slidev-page-${no} .mermaid svg`).first().waitFor({ timeout: 20_000 })
  if (await page.locator(`.slidev-page-${no} .poll-live`).count() > 0)
    await page.locator(`.slidev-page-${no} .join-panel__code`).waitFor({ timeout: 20_000 })
  await motionDone(page)
}

/**
 * The presenter view's own slide carries the controls under its live poll; the slide's edge
 * clips them, and a button below it cannot be clicked. Moves the presenter view to slide
 * `no` (in `state`, when given) and says where its controls leave the slide.
 */
async function presenterControlsProblems(no: number, state: string, status?: string): Promise<string[]> {
  await presenterView.evaluate(to => (globalThis as unknown as { __slidev__: { nav: SlidevNav } }).__slidev__.nav.go(to), no)
  const slide = presenterView.locator('#slide-content')
  // The current slide's page: its neighbours are kept in the same box, hidden.
  const current = slide.locator(`.slidev-page-${no}`)
  if (status)
    await current.locator('.poll-status', { hasText: status }).waitFor({ timeout: 20_000 })
  const controls = current.locator('.poll-controls')
  await controls.waitFor({ timeout: 20_000 })
  await motionDone(presenterView)
  const [edge, box] = [(await slide.boundingBox())!, (await controls.boundingBox())!]
  const below = box.y + box.height - (edge.y + edge.height)
  return below > 0.5 ? [`slide ${no}${state}: the presenter's poll controls run ${Math.round(below)} px off the bottom of the slide`] : []
}

/**
 * Every scenario in the library, spares included (a plan can swap any of them in), must
 * fit the answer's box on the slide: on revealed slide `no`, a copy of the box takes each
 * scenario's answer, reasoning and questions in turn, beside the real one.
 */
async function everyRevealFits(no: number): Promise<string[]> {
  const reveals = loadScenarioLibrary().scenarios.map(scenario => ({ id: scenario.id, answer: `${choiceLetter(scenario.choices.indexOf(scenario.answer))} · ${scenario.answer}`, rationale: scenario.rationale, debrief: [...scenario.debrief] }))
  const heights = await page.evaluate(({ no, reveals }) => {
    const slide = document.querySelector(`.slidev-page-${no}`)!.getBoundingClientRect()
    const box = document.querySelector<HTMLElement>(`.slidev-page-${no} .poll-reveal`)!
    const room = slide.bottom - box.getBoundingClientRect().top
    return reveals.map(({ id, answer, rationale, debrief }) => {
      const copy = box.cloneNode(true) as HTMLElement
      copy.style.animation = 'none'
      copy.querySelector('.poll-reveal__answer strong')!.textContent = answer
      copy.querySelector('.poll-reveal__rationale')!.textContent = rationale
      const list = copy.querySelector('.poll-reveal__debrief')!
      list.replaceChildren(...debrief.map((question) => {
        const item = list.firstElementChild!.cloneNode() as HTMLElement
        item.textContent = question
        return item
      }))
      box.after(copy)
      const over = copy.getBoundingClientRect().height - room
      copy.remove()
      return { id, over }
    })
  }, { no, reveals })
  return heights.filter(({ over }) => over > 0.5).map(({ id, over }) => `scenario ${id}: its answer, reasoning and questions run ${Math.round(over)} px off the bottom of a poll slide`)
}

function problems(no: number, state: string, texts: MeasuredText[], pollSlide: boolean): string[] {
  return texts.flatMap((text) => {
    const found: string[] = []
    if (text.contrast < minContrast(text))
      found.push(`slide ${no}${state}: "${text.text}" (${text.where}) contrast ${text.contrast}:1 < ${minContrast(text)}:1`)
    if (pollSlide && text.px < MIN_POLL_TEXT_PX)
      found.push(`slide ${no}${state}: "${text.text}" (${text.where}) ${text.px} px < ${MIN_POLL_TEXT_PX} px`)
    if (text.clipped)
      found.push(`slide ${no}${state}: "${text.text}" (${text.where}) runs off the slide`)
    return found
  })
}

/** Registered by sharedDeck.test.ts, which runs this and the room sync suite one after the other. */
export function projectorTests(): void {
  describe('the deck on a 1920×1080 projector', { timeout: 600_000 }, () => {
    beforeAll(async () => {
      mkdirSync(SHOTS_DIR, { recursive: true })
      // The shared deck expects its poll server on this port.
      const pollPort = inject('deckPollPort')
      deck = { url: inject('deckUrl') }
      server = await spawnPollServer({ dataDir, port: pollPort, session: 'e2e-projector', args: ['--allow-origin', deck.url] })
      presenter = await TestSocket.presenter(socketUrl(`http://127.0.0.1:${pollPort}`), server.token)
      // The shared Chromium; closing this connection closes the contexts made here.
      browser = await chromium.connect(inject('browserWsEndpoint'))
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } })
      // Offline, as in a venue without internet: anything not on this machine is refused and noted.
      await context.route('**/*', (route) => {
        const { protocol, hostname } = new URL(route.request().url())
        if (protocol === 'data:' || protocol === 'blob:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname))
          return route.continue()
        leaks.push(route.request().url())
        return route.abort('internetdisconnected')
      })
      page = await context.newPage()
      // Transitions and animations run 100× faster: every check measures where a slide ends up,
      // and waiting for each slide's transition in real time took ~18 s of the walk.
      const devtools = await context.newCDPSession(page)
      await devtools.send('Animation.enable')
      await devtools.send('Animation.setPlaybackRate', { playbackRate: 100 })
      // measureSlide is serialised into the page; a transform that keeps function names wraps them in __name().
      await page.addInitScript('globalThis.__name ??= fn => fn')
      // A trainer's laptop screen; the deck on this machine fetches the presenter token itself.
      presenterView = await context.newPage()
      await presenterView.setViewportSize({ width: 1600, height: 900 })
      await presenterView.goto(`${deck.url}/presenter/1`)
    }, 150_000)

    afterAll(async () => {
      presenter?.close()
      await browser?.close()
      server?.child.kill('SIGINT')
      await server?.exited
      rmSync(dataDir, { recursive: true, force: true })
    })

    it('is legible from the back row on every slide, in Inter, with nothing fetched from outside this machine', async () => {
    // The first load compiles the deck.
      await page.goto(`${deck.url}/1`)
      await page.locator('.slidev-page-1 .slidev-layout').waitFor({ timeout: 90_000 })
      const total = await page.evaluate(() => (globalThis as unknown as { __slidev__: { nav: { total: number } } }).__slidev__.nav.total)
      expect(total).toBeGreaterThan(20)
      const found: string[] = []
      let spareChecked = false
      for (let no = 1; no <= total; no++) {
        await show(no)
        const name = `slide-${String(no).padStart(2, '0')}`
        const poll = page.locator(`.slidev-page-${no} .poll-live`)
        const pollSlide = await poll.count() > 0
        found.push(...problems(no, pollSlide ? ' (live)' : '', await page.evaluate(measureSlide, no), pollSlide))
        await page.screenshot({ path: join(SHOTS_DIR, `${name}.png`) })
        if (pollSlide || await page.locator(`.slidev-page-${no} .prompt-live`).count() > 0)
          found.push(...await presenterControlsProblems(no, ' (presenter view)'))
        if (!pollSlide)
          continue
        // The join view: a QR code the back rows can scan, at least half the slide's height.
        const qr = (await page.locator(`.slidev-page-${no} .join-qr`).boundingBox())!
        const slide = (await page.locator(`.slidev-page-${no}`).boundingBox())!
        if (qr.height < slide.height / 2)
          found.push(`slide ${no}: the QR code is ${Math.round(qr.height)} px high, less than half the slide (${Math.round(slide.height / 2)} px)`)
        // The revealed poll carries the most text: answer, rationale, debrief, bars.
        const id = (await poll.getAttribute('data-poll'))!
        await presenter.control('open', id)
        await presenter.control('reveal', id)
        await page.locator(`.slidev-page-${no} .poll-live__status`, { hasText: 'Answer revealed' }).waitFor({ timeout: 20_000 })
        // The reveal fades in and the bars glide; measure where they end.
        await motionDone(page)
        found.push(...problems(no, ' (revealed)', await page.evaluate(measureSlide, no), true))
        // Text can end inside the slide while its box runs off it: the answer's box is the tallest.
        const reveal = (await page.locator(`.slidev-page-${no} .poll-reveal`).boundingBox())!
        if (reveal.y + reveal.height > slide.y + slide.height + 0.5)
          found.push(`slide ${no} (revealed): the answer's box runs ${Math.round(reveal.y + reveal.height - slide.y - slide.height)} px off the bottom of the slide`)
        await page.screenshot({ path: join(SHOTS_DIR, `${name}-revealed.png`) })
        if (!spareChecked) {
          found.push(...await everyRevealFits(no))
          spareChecked = true
        }
        found.push(...await presenterControlsProblems(no, ' (presenter view, revealed)', 'Answer revealed'))
        await presenterView.screenshot({ path: join(SHOTS_DIR, `${name}-presenter-revealed.png`) })
      }
      // Behind the scaled slide: white, or rounding shows a thin dark line at the edges.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('#page-root > .slidev-slide-container')!).backgroundColor)).toBe('rgb(255, 255, 255)')
      const fonts = await page.evaluate(() => ({
        family: getComputedStyle(document.querySelector('.slidev-layout')!).fontFamily,
        inter: [...document.fonts].filter(face => face.family.replace(/"/g, '') === 'Inter' && face.status === 'loaded').length,
      }))
      expect(fonts.family).toMatch(/^"?Inter/)
      expect(fonts.inter).toBeGreaterThan(0)
      // Headless Chromium may never fetch an icon, so check where the page points for one.
      const icons = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map(link => link.href))
      for (const icon of icons)
        expect(icon.startsWith('data:') || icon.startsWith(deck.url), icon).toBe(true)
      expect(leaks).toEqual([])
      expect(found).toEqual([])
    })
  })
}
