// What every suite on the shared deck sets up the same way: its own poll server on the
// port the deck points at (its own data, so a suite may crash it), the join link that
// server prints, the shared Chromium, and each page in a browser context of its own (one
// profile per device, as a presenter's laptop, a projector and phones are).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { SpawnedPollServer } from '../../../scripts/lib/spawnPollServer'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { inject } from 'vitest'
import { spawnPollServer } from '../../../scripts/lib/spawnPollServer'

/** A phone in portrait, as the room holds it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

export interface SharedRoom {
  /** The shared deck, e.g. `http://localhost:41234`. */
  deckUrl: string
  /** The vote page with the join code, as in the QR code. */
  joinUrl: string
  code: string
  /** The poll server's origin, as phones reach it. */
  pollUrl: string
  dataDir: string
  server: SpawnedPollServer
  browser: Browser
  /** Starts the poll server again on the same port and data, e.g. after killing it. */
  restartServer: () => Promise<SpawnedPollServer>
  /** A page in a new browser context (a device of its own). */
  newPage: (options?: Parameters<Browser['newContext']>[0]) => Promise<Page>
  /** A phone that has opened the join link and waits for the first question. */
  joinPhone: () => Promise<Page>
  close: () => Promise<void>
}

/** Call in a suite's beforeAll (it reads what the e2e global setup provides). */
export async function openSharedRoom(session: string): Promise<SharedRoom> {
  const deckUrl = inject('deckUrl')
  const dataDir = mkdtempSync(join(tmpdir(), `e2e-${session}-`))
  const start = () => spawnPollServer({ dataDir, port: inject('deckPollPort'), session, args: ['--allow-origin', deckUrl] })
  const server = await start()
  const joinUrl = server.output().match(/Join:\s+(http:\/\/\S+)/)![1]!
  const contexts: BrowserContext[] = []
  const room: SharedRoom = {
    deckUrl,
    joinUrl,
    code: new URL(joinUrl).pathname.slice(1),
    pollUrl: new URL(joinUrl).origin,
    dataDir,
    server,
    // Closing this connection closes the contexts made through it.
    browser: await chromium.connect(inject('browserWsEndpoint')),
    async restartServer() {
      room.server = await start()
      return room.server
    },
    async newPage(options = {}) {
      const context = await room.browser.newContext(options)
      contexts.push(context)
      return context.newPage()
    },
    async joinPhone() {
      const phone = await room.newPage(PHONE)
      await phone.goto(joinUrl)
      await phone.getByRole('heading', { name: /Waiting for the next question/ }).waitFor({ timeout: 20_000 })
      return phone
    },
    async close() {
      for (const context of contexts)
        await context.close().catch(() => {})
      await room.browser.close()
      room.server.child.kill('SIGINT')
      await room.server.exited
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return room
}
