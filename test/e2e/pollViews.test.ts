import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
// The scale histogram and the word cloud in real Chromium, on a slide as a 1920×1080
// projector shows it: every text the room reads is at least 32 px, the cloud's words do
// not touch in the real font (the layout only estimates its width), and nothing runs off
// the slide. Screenshots in test-results/poll-views/.
import type { Browser, Page } from 'playwright-core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { chromium } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { motionDone } from './support/motionDone'

const SHOTS_DIR = join(KIT_ROOT, 'test-results', 'poll-views')
const MIN_POLL_TEXT_PX = 32
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff' }

let outDir: string
let server: Server
let browser: Browser
let page: Page
let origin: string

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'poll-views-'))
  await build({
    configFile: false,
    root: join(KIT_ROOT, 'test/e2e/support/pollViews'),
    base: './',
    logLevel: 'warn',
    plugins: [vue()],
    build: { outDir, emptyOutDir: true },
  })
  server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    try {
      const body = readFileSync(join(outDir, path === '/' ? 'index.html' : path))
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' }).end(body)
    }
    catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  mkdirSync(SHOTS_DIR, { recursive: true })
  // The e2e project's shared Chromium (support/sharedDeck.ts); closing this connection closes the context made here.
  browser = await chromium.connect(inject('browserWsEndpoint'))
  page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage()
})

afterAll(async () => {
  await browser?.close()
  await new Promise(resolve => server ? server.close(resolve) : resolve(undefined))
  if (outDir)
    rmSync(outDir, { recursive: true, force: true })
})

async function show(view: string): Promise<void> {
  await page.goto(`${origin}/?view=${view}`)
  await page.waitForSelector('.poll-area > *')
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: join(SHOTS_DIR, `${view}.png`) })
}

/** Visible text pieces in the poll area with their on-screen size and box. */
async function texts(): Promise<{ text: string, px: number, left: number, top: number, right: number, bottom: number }[]> {
  return page.evaluate(() => {
    const found: { text: string, px: number, left: number, top: number, right: number, bottom: number }[] = []
    const walker = document.createTreeWalker(document.querySelector('.poll-area')!, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement!
      if (!node.textContent?.trim() || element.closest('[class$="__list"]'))
        continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const box = range.getBoundingClientRect()
      const scale = element.closest('svg') ? element.closest('svg')!.getBoundingClientRect().width / element.closest('svg')!.viewBox.baseVal.width : 1920 / 980
      found.push({ text: node.textContent.trim(), px: Number.parseFloat(getComputedStyle(element).fontSize) * scale, left: box.left, top: box.top, right: box.right, bottom: box.bottom })
    }
    return found
  })
}

describe('poll views on a 1080p projector', () => {
  it('shows the word cloud readable from the back row with no two answers touching', async () => {
    await show('cloud')
    const words = await page.$$eval('.word-cloud__word', nodes => nodes.map((node) => {
      const box = node.getBoundingClientRect()
      return { text: node.textContent ?? '', left: box.left, top: box.top, right: box.right, bottom: box.bottom }
    }))
    expect(words.length).toBeGreaterThanOrEqual(30)
    for (const [index, word] of words.entries()) {
      for (const other of words.slice(index + 1)) {
        const apart = word.right <= other.left || other.right <= word.left || word.bottom <= other.top || other.bottom <= word.top
        expect(apart, `${word.text} touches ${other.text}`).toBe(true)
      }
    }
    const all = await texts()
    for (const text of all) {
      expect(text.px, text.text).toBeGreaterThanOrEqual(MIN_POLL_TEXT_PX)
      expect(text.right, text.text).toBeLessThanOrEqual(1920)
      expect(text.bottom, text.text).toBeLessThanOrEqual(1080)
    }
  })

  it('keeps the words on screen where they were while answers arrive and votes grow', async () => {
    await show('cloud-early')
    const where = () => page.$$eval('.word-cloud__word', nodes => Object.fromEntries(nodes.map(node => [node.textContent, `${node.getAttribute('x')},${node.getAttribute('y')}`])))
    const before = await where()
    await page.evaluate(() => (window as unknown as { growCloud: () => void }).growCloud())
    await page.waitForFunction(count => document.querySelectorAll('.word-cloud__word').length > count, Object.keys(before).length)
    // Past the fade-in and the growth, for the screenshot.
    await motionDone(page)
    await page.screenshot({ path: join(SHOTS_DIR, 'cloud-grown.png') })
    const after = await where()
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length)
    for (const [text, position] of Object.entries(before))
      expect(after[text], text).toBe(position)
  })

  it('shows the scale histogram over two rounds readable from the back row', async () => {
    for (const view of ['scale1', 'scale']) {
      await show(view)
      for (const text of await texts()) {
        expect(text.px, text.text).toBeGreaterThanOrEqual(MIN_POLL_TEXT_PX)
        expect(text.right, text.text).toBeLessThanOrEqual(1920)
        expect(text.bottom, text.text).toBeLessThanOrEqual(1080)
      }
    }
    expect(await page.locator('.scale-histogram__median').allTextContents()).toEqual(['Round 1 median', 'Round 2 median'])
  })
})
