// A live poll end to end, as a trainer and a room use it: the presenter view in Chromium,
// three phones voting from the QR link, the reveal on every phone. It drives the shared
// deck with a poll server started exactly as `npm start` starts it (how `npm start` wires
// the two together is test/cli/npmStart.test.ts, without a second deck compile).
import type { Page } from 'playwright-core'
import type { SharedRoom } from './support/sharedRoom'
import { Buffer } from 'node:buffer'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { pollSlideNumber } from './support/pollSlide'
import { openSharedRoom, PHONE } from './support/sharedRoom'
import { step } from './support/step'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const RESULTS_DIR = join(KIT_ROOT, 'test-results')
/** The warm-up poll: slide 4 of the deck, scenario warmup-dark-mode-question (answer: C). */
let SLIDE: number
const PHONE_BUDGET_BYTES = 30 * 1024
/** How long a step may take to show up (the first deck load compiles the deck). */
const WAIT = { timeout: 20_000 }

/** What a trainer has once the kit is running: the deck, and the poll server's join link. */
let kit: SharedRoom
let presenter: Page
let projector: Page
const phones: Page[] = []

/** The poll slide in a deck window (other poll slides may be preloaded, hidden). */
function pollSlide(page: Page) {
  return page.locator(`.slidev-page-${SLIDE} .poll-live`).first()
}

async function phone(): Promise<Page> {
  const page = await kit.newPage({ ...PHONE, deviceScaleFactor: 2 })
  page.on('console', (message) => {
    // The page's Content-Security-Policy must allow everything it does.
    if (/Content Security Policy/i.test(message.text()))
      throw new Error(`CSP violation on the vote page: ${message.text()}`)
  })
  return page
}

/** Runs axe-core in the page. Evaluated, not injected as a script tag: the page's CSP allows only its own script. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string, help: string, nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
    return result.violations.map(violation => `${violation.id}: ${violation.help} (${violation.nodes.map(node => node.target.join(' ')).join(', ')})`)
  })
  return violations
}

/** Registered by sharedDeck.test.ts: it drives the shared deck, one suite after the other. */
export function livePollTests(): void {
  describe('a live poll from the presenter view to the reveal', () => {
    beforeAll(async () => {
      SLIDE = await pollSlideNumber('warmup-dark-mode-question')
      mkdirSync(RESULTS_DIR, { recursive: true })
      kit = await openSharedRoom('e2e')
      presenter = await kit.newPage({ viewport: { width: 1400, height: 900 } })
      // Counts the poll-server sockets each page load opens, inside the page: on a fresh clone Vite
      // reloads the page when its first compile finds more dependencies, and a socket of the page
      // that was replaced may never report its close to the test.
      await presenter.addInitScript((pollPort) => {
        const Native = globalThis.WebSocket
        const open = new Set<WebSocket>()
        ;(globalThis as unknown as { pollSocketsOpen: () => number }).pollSocketsOpen = () => open.size
        globalThis.WebSocket = class extends Native {
          constructor(url: string | URL, protocols?: string | string[]) {
            super(url, protocols)
            if (new URL(String(url)).port !== pollPort)
              return
            open.add(this)
            this.addEventListener('close', () => open.delete(this))
          }
        }
      }, new URL(kit.pollUrl).port)
      await presenter.goto(`${kit.deckUrl}/presenter/${SLIDE}`)
      // The poll slide fetches the presenter token and joins (the deck may still be compiling on its first load).
      await presenter.getByRole('button', { name: /Open voting/ }).waitFor({ timeout: 90_000 })
    })

    afterAll(() => kit?.close())

    // One session, in the order a room lives it: every step uses the phones, votes and poll state the steps before it left,
    // so the steps are one test and a failure names its step.
    it('takes three phones from the QR link through a vote to the reveal on every phone and the projector, and a late phone into round 2 within its weight budget', { timeout: 300_000 }, async ({ annotate }) => {
      await step('shows a phone that joins from the QR link a waiting screen, with no accessibility violations', async () => {
        const first = await phone()
        phones.push(first)
        await first.goto(kit.joinUrl)
        await first.getByRole('heading', { name: /Waiting for the next question/ }).waitFor(WAIT)
        expect(await first.locator('#link').textContent()).toBe('Connected')
        expect(await axeViolations(first)).toEqual([])
      })

      await step('lets a phone type the join code when it opens the bare address (a form with no accessibility violations)', async () => {
        const typed = await phone()
        phones.push(typed)
        await typed.goto(kit.pollUrl)
        await typed.getByLabel('Join code').waitFor(WAIT)
        expect(await axeViolations(typed)).toEqual([])
        // A typo is refused and stays in the field, so the participant corrects it instead of retyping.
        const typo = kit.code.startsWith('Z') ? 'Y2345' : 'Z2345'
        await typed.getByLabel('Join code').fill(typo)
        await typed.getByRole('button', { name: 'Join' }).click()
        await typed.getByText(/That code is not this session's/).waitFor(WAIT)
        expect(await typed.getByLabel('Join code').inputValue()).toBe(typo)
        await typed.getByLabel('Join code').fill(kit.code.toLowerCase())
        await typed.getByRole('button', { name: 'Join' }).click()
        await typed.getByRole('heading', { name: /Waiting for the next question/ }).waitFor(WAIT)
        expect(new URL(typed.url()).pathname).toBe(`/${kit.code}`)
      })

      await step('opens the poll from the presenter view and shows it on every phone', async () => {
        const third = await phone()
        phones.push(third)
        await third.goto(kit.joinUrl)
        await third.getByRole('heading', { name: /Waiting for the next question/ }).waitFor(WAIT)

        await pollSlide(presenter).getByRole('button', { name: /Open voting/ }).click()
        await pollSlide(presenter).locator('.poll-live__status', { hasText: 'Voting open' }).first().waitFor(WAIT)
        for (const page of phones)
          await page.getByRole('heading', { name: /Voting open/ }).waitFor(WAIT)
        expect(await axeViolations(phones[0]!)).toEqual([])
      })

      await step('keeps the poll usable with text at 200%: nothing scrolls sideways', async () => {
        const page = phones[2]!
        await page.evaluate(() => document.documentElement.style.fontSize = '200%')
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        await page.screenshot({ path: join(RESULTS_DIR, 'phone-text-200.png'), fullPage: true })
        await page.evaluate(() => document.documentElement.style.fontSize = '')
        expect(overflow).toBe(0)
      })

      await step('confirms each vote only after the server acknowledged it, and counts three votes in the presenter view', async () => {
        const picks = [/Product manager/, /Project manager/, /Both, together/]
        for (const [index, page] of phones.entries()) {
          await page.getByRole('button', { name: picks[index] }).click()
          await page.getByText(/^Vote received:/).waitFor(WAIT)
          expect(await page.getByRole('button', { name: picks[index] }).getAttribute('aria-pressed')).toBe('true')
        }
        await phones[0]!.screenshot({ path: join(RESULTS_DIR, 'phone-voted.png'), fullPage: true })
        await pollSlide(presenter).locator('.join-panel__counts', { hasText: '3 voted' }).first().waitFor(WAIT)
        expect(await pollSlide(presenter).locator('.join-panel__counts').first().textContent()).toMatch(/3\s+connected · 3\s+voted/)
      })

      await step('lets a phone change its vote while voting is open', async () => {
        const page = phones[0]!
        await page.getByRole('button', { name: /Both, together/ }).click()
        await page.getByText('Vote received: C.', { exact: false }).waitFor(WAIT)
        expect(await page.getByRole('button', { name: /Product manager/ }).getAttribute('aria-pressed')).toBe('false')
      })

      await step('keeps a phone\'s vote across a reload', async () => {
        const page = phones[1]!
        await page.reload()
        await page.getByText('Vote received: B.', { exact: false }).waitFor(WAIT)
        expect(await page.getByRole('button', { name: /Project manager/ }).getAttribute('aria-pressed')).toBe('true')
      })

      await step('closes with C and reveals with R from the presenter\'s keyboard; every phone shows the answer', async () => {
        // The mouse click on "Open voting" gave focus back to the slide, so the keys reach Slidev.
        await presenter.keyboard.press('c')
        await pollSlide(presenter).locator('.poll-live__status', { hasText: 'Voting closed' }).first().waitFor(WAIT)
        // Peer instruction: 2 of 3 on the intended answer is the middle band; only the presenter sees it.
        const band = pollSlide(presenter).locator('.peer-step__band')
        expect((await band.textContent())?.trim()).toBe('Round 1: 2 of 3 on the intended answer (67%) · band 30–70%')
        expect(await pollSlide(presenter).locator('.peer-step__next').textContent()).toContain('convince your neighbour')
        await presenter.screenshot({ path: join(RESULTS_DIR, 'presenter-peer-band.png') })
        for (const page of phones)
          expect(await page.locator('body').textContent()).not.toMatch(/67%|neighbour/)
        await presenter.keyboard.press('r')
        await pollSlide(presenter).locator('.poll-live__status', { hasText: 'Answer revealed' }).first().waitFor(WAIT)
        for (const page of phones) {
          await page.getByRole('heading', { name: /Answer revealed/ }).waitFor(WAIT)
          expect(await page.locator('.answer').textContent()).toBe('Intended answer: C. Both, together')
          expect(await page.locator('.rationale').textContent()).toContain('two questions')
        }
        expect(await phones[0]!.locator('.yours').textContent()).toBe('Your vote: C. Both, together: the intended answer.')
        expect(await axeViolations(phones[0]!)).toEqual([])
        await phones[0]!.screenshot({ path: join(RESULTS_DIR, 'phone-revealed.png'), fullPage: true })
      })

      await step('mirrors the reveal on the projector window, which has no controls', async () => {
        projector = await presenter.context().newPage()
        await projector.goto(`${kit.deckUrl}/${SLIDE}`)
        const poll = pollSlide(projector)
        await poll.locator('.poll-live__status', { hasText: 'Answer revealed' }).waitFor(WAIT)
        expect(await poll.locator('.result-bars__figure').allTextContents()).toEqual(['0 · 0%', '1 · 33%', '2 · 67%'])
        expect((await poll.locator('.poll-reveal__answer').textContent())?.trim()).toBe('Intended answer: C · Both, together')
        expect(await projector.locator('.poll-controls').count()).toBe(0)
        await projector.screenshot({ path: join(RESULTS_DIR, 'slide-revealed.png') })
        // The current slide, the next-slide preview and the preloaded poll slides all share one socket.
        expect(await presenter.locator('.poll-live').count()).toBeGreaterThan(1)
        expect(await presenter.evaluate(() => (globalThis as unknown as { pollSocketsOpen: () => number }).pollSocketsOpen())).toBe(1)
        await presenter.screenshot({ path: join(RESULTS_DIR, 'presenter-revealed.png') })
      })

      // The phone page's weight, measured on a late phone that joins once round 2 is open.
      await step('keeps the phone page within 30 KB gzipped up to the first poll, all from the poll server', async () => {
        await pollSlide(presenter).getByRole('button', { name: /Start round 2/ }).click()
        const page = await phone()
        const urls: string[] = []
        const bodies: Promise<{ url: string, gzip: number }>[] = []
        let socketBytes = 0
        page.on('request', request => urls.push(request.url()))
        page.on('response', response => bodies.push(response.body().then(body => ({ url: response.url(), gzip: gzipSync(body, { level: 9 }).length }))))
        page.on('websocket', socket => socket.on('framereceived', (frame) => {
          socketBytes += typeof frame.payload === 'string' ? Buffer.byteLength(frame.payload) : frame.payload.length
        }))
        await page.goto(kit.joinUrl)
        await page.getByRole('heading', { name: /Round 2: vote again/ }).waitFor(WAIT)
        await page.screenshot({ path: join(RESULTS_DIR, 'phone-open.png'), fullPage: true })

        const responses = await Promise.all(bodies)
        const total = responses.reduce((sum, response) => sum + response.gzip, 0)
        const report = { responses, gzipTotalBytes: total, socketBytesToFirstPoll: socketBytes, budgetBytes: PHONE_BUDGET_BYTES }
        writeFileSync(join(RESULTS_DIR, 'phone-weight.json'), `${JSON.stringify(report, null, 2)}\n`)
        await annotate(`Phone page to first poll: ${(total / 1024).toFixed(1)} KB gzipped in ${responses.length} response(s), plus ${socketBytes} bytes over the socket.`)
        expect(total).toBeLessThanOrEqual(PHONE_BUDGET_BYTES)
        expect(urls.filter(url => new URL(url).origin !== kit.pollUrl && new URL(url).host !== new URL(kit.pollUrl).host)).toEqual([])
      })
    })
  })
}
