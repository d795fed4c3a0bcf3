// The vote page in real Chromium at a phone's size, served by a real poll server: a
// scale poll and an open poll answered, acknowledged, reloaded, revealed; axe-core on
// every screen; screenshots in test-results/phone/ to look at.
import type { Browser, Page } from 'playwright-core'
import type { ServerMessage } from '../../poll/protocol'
import type { TestServer } from '../poll/support/testServer'
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { findBrowser, HEADLESS_BROWSER_ARGS } from '../../lib/findBrowser'
import { KIT_ROOT } from '../../lib/kitPaths'
import { DEVICE_ID_STORAGE_KEY } from '../../poll/client'
import { PROTOCOL_VERSION } from '../../poll/protocol'
import { definitions } from '../poll/support/definitions'
import { openPoll, scalePoll } from '../poll/support/kindDefinitions'
import { startTestServer } from '../poll/support/testServer'
import { TestSocket } from '../poll/support/testSocket'

const require = createRequire(import.meta.url)
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const SHOTS = join(KIT_ROOT, 'test-results/phone')
const WAIT = { timeout: 10_000 }

let t: TestServer
let deck: TestSocket
let browser: Browser

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  t = await startTestServer({ definitions: [...definitions, scalePoll, openPoll] })
  deck = await TestSocket.open(t.wsUrl)
  // The moderating presenter: it may approve open answers.
  deck.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', token: t.token, moderator: true })
  await deck.next('snapshot')
  browser = await chromium.launch({ executablePath: findBrowser(), args: [...HEADLESS_BROWSER_ARGS] })
})

afterAll(async () => {
  await browser?.close()
  deck?.close()
  await t?.stop()
})

async function phone(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text()))
      throw new Error(`CSP violation on the vote page: ${message.text()}`)
  })
  await page.goto(`${t.httpUrl}/${t.code}`)
  return page
}

/** Runs axe-core in the page (evaluated: the page's CSP allows only its own script). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string, help: string, nodes: { target: string[] }[] }[] }> } }).axe
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
    return result.violations.map(violation => `${violation.id}: ${violation.help} (${violation.nodes.map(node => node.target.join(' ')).join(', ')})`)
  })
}

/** Every visible button, link and field is at least 44 by 44 CSS pixels. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('button, input, a')].flatMap((element) => {
    const box = element.getBoundingClientRect()
    return box.width === 0 || (box.width >= 44 && box.height >= 44) ? [] : [`${element.textContent ?? element.id}: ${box.width}×${box.height}`]
  }))
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

async function acked(message: Record<string, unknown>): Promise<ServerMessage> {
  const id = `m${Math.random().toString(36).slice(2, 10)}`
  deck.send({ ...message, id })
  return deck.next(reply => (reply.type === 'ack' || reply.type === 'error') && reply.id === id)
}

describe('the vote page for scale and open polls, in Chromium at 390×844', () => {
  it('takes a scale answer by tap and arrow key, confirms it after the ack, keeps it over a reload, and shows the room\'s spread after the reveal', async () => {
    expect(await deck.control('open', scalePoll.id)).toMatchObject({ type: 'ack' })
    const page = await phone()
    const group = page.getByRole('radiogroup', { name: scalePoll.question })
    await group.waitFor(WAIT)
    expect(await group.getByRole('radio').count()).toBe(7)
    // The ends carry their labels in their names, so a screen reader hears what 1 and 7 mean.
    for (const name of ['1, Visionary', '2', '3', '4', '5', '6', '7, Executor'])
      expect(await group.getByRole('radio', { name, exact: true }).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    expect(await smallTargets(page)).toEqual([])
    await shot(page, 'scale-before')

    await page.getByRole('radio', { name: '4' }).click()
    await page.getByText('Answer received: 4. You can change it while voting is open.').waitFor(WAIT)
    expect(await page.getByRole('radio', { name: '4' }).getAttribute('aria-checked')).toBe('true')
    await vi.waitUntil(() => t.storedVotes(scalePoll.id) === 1)
    await shot(page, 'scale-after')

    // Arrow keys move and choose within the group; only the chosen point is in the tab order.
    await page.keyboard.press('ArrowRight')
    await page.getByText('Answer received: 5.', { exact: false }).waitFor(WAIT)
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('5')
    expect(await page.locator('[role=radio][tabindex="0"]').allTextContents()).toEqual(['5'])
    // The keyboard focus is drawn: the global focus ring, not the browser's default.
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth)).toBe('3px')
    await shot(page, 'scale-keyboard')
    expect(await axeViolations(page)).toEqual([])

    await page.reload()
    await page.getByText('Answer received: 5.', { exact: false }).waitFor(WAIT)
    expect(await page.getByRole('radio', { name: '5' }).getAttribute('aria-checked')).toBe('true')

    // A narrow phone wraps the row; every point stays a 44 px target.
    await page.setViewportSize({ width: 320, height: 700 })
    expect(await smallTargets(page)).toEqual([])
    await shot(page, 'scale-narrow-320')

    expect(await deck.control('close', scalePoll.id)).toMatchObject({ type: 'ack' })
    expect(await deck.control('reveal', scalePoll.id)).toMatchObject({ type: 'ack' })
    await page.getByRole('heading', { name: /1 answer, median 5/ }).waitFor(WAIT)
    expect(await page.getByText('Your answer: 5.').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await shot(page, 'scale-revealed')
    await page.context().close()
  })

  it('takes open answers with a live counter, lists them as stored after the ack, explains a refusal keeping the text, and stops at the limit', async () => {
    expect(await deck.control('open', openPoll.id)).toMatchObject({ type: 'ack' })
    const page = await phone()
    const field = page.getByLabel('Your answer')
    await field.waitFor(WAIT)
    await page.getByText('Answers are anonymous, and appear on the screen only after the trainer approves them.').waitFor(WAIT)
    await field.fill('  Planning 👩‍💻 ')
    await page.getByText('10 of 60 characters').waitFor(WAIT)
    expect(await axeViolations(page)).toEqual([])
    expect(await smallTargets(page)).toEqual([])
    await shot(page, 'open-counter')

    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByText('Answer received. You can give 1 more.').waitFor(WAIT)
    expect(await page.getByRole('listitem').allTextContents()).toEqual(['Planning 👩‍💻'])
    expect(await field.inputValue()).toBe('')
    expect(await axeViolations(page)).toEqual([])
    await shot(page, 'open-sent')

    // Too long: refused on the phone, counted as the server counts, the text kept.
    const long = 'x'.repeat(61)
    await field.fill(long)
    await page.getByText('61 of 60 characters').waitFor(WAIT)
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('alert').filter({ hasText: 'The answer is 61 characters; keep it within 60.' }).waitFor(WAIT)
    expect(await field.inputValue()).toBe(long)

    // The same device answered from another tab: the server refuses a third answer with a typed error.
    const device = await page.evaluate(key => localStorage.getItem(key), DEVICE_ID_STORAGE_KEY)
    const otherTab = await TestSocket.participant(t.wsUrl, t.code, device!)
    otherTab.send({ type: 'answer', id: 'tab1', poll: openPoll.id, round: 1, text: 'Risk' })
    expect(await otherTab.next(message => message.type === 'ack' && message.id === 'tab1')).toMatchObject({ answer: { text: 'Risk' } })
    otherTab.close()
    await field.fill('Budget')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.getByRole('alert').filter({ hasText: 'You have already given the most answers for this round.' }).waitFor(WAIT)
    expect(await field.inputValue()).toBe('Budget')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    await shot(page, 'open-error')

    await page.reload()
    await page.getByText('Limit reached: you have given 2 answers, the most for this round.').waitFor(WAIT)
    expect(await page.getByRole('listitem').allTextContents()).toEqual(['Planning 👩‍💻', 'Risk'])
    expect(await page.getByLabel('Your answer').isVisible()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    await shot(page, 'open-limit')

    expect(await acked({ type: 'moderate', poll: openPoll.id, keys: ['planning 👩‍💻'], status: 'approved' })).toMatchObject({ type: 'ack' })
    expect(await deck.control('close', openPoll.id)).toMatchObject({ type: 'ack' })
    expect(await deck.control('reveal', openPoll.id)).toMatchObject({ type: 'ack' })
    await page.getByRole('heading', { name: 'Answers on the screen' }).waitFor(WAIT)
    expect(await page.locator('.approved li').allTextContents()).toEqual(['Planning 👩‍💻'])
    expect(await axeViolations(page)).toEqual([])
    await shot(page, 'open-revealed')
    await page.context().close()
  })
})
