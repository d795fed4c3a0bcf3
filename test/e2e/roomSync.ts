// The room hears one story: a projector in another browser follows what the presenter
// shows, and through a poll server crash the projector and the phones both say
// "reconnecting", then recover by themselves. Screenshots in test-results/.
import type { Page } from 'playwright-core'
import type { SharedRoom } from './support/sharedRoom'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { pollSlideNumber } from './support/pollSlide'
import { openSharedRoom } from './support/sharedRoom'
import { step } from './support/step'

const RESULTS_DIR = join(KIT_ROOT, 'test-results')
/** The warm-up poll (scenario warmup-dark-mode-question). */
let SLIDE: number
const WAIT = { timeout: 20_000 }

let room: SharedRoom
let presenter: Page
let projector: Page
const phones: Page[] = []

function pollSlide(page: Page) {
  return page.locator(`.slidev-page-${SLIDE} .poll-live`).first()
}

/** Registered by sharedDeck.test.ts, which runs this and the projector suite one after the other. */
export function roomSyncTests(): void {
  // One session on one poll: the steps run the poll on from where the one before left it (open, round 2, reset, a crash),
  // so they are one test and a failure names its step.
  describe('a projector in another browser', () => {
    beforeAll(async () => {
      SLIDE = await pollSlideNumber('warmup-dark-mode-question')
      mkdirSync(RESULTS_DIR, { recursive: true })
      room = await openSharedRoom('e2e-room')
      // Two browser contexts: two profiles, as a projector on another browser or computer would be.
      presenter = await room.newPage({ viewport: { width: 1400, height: 900 } })
      await presenter.goto(`${room.deckUrl}/presenter/${SLIDE}`)
      await presenter.getByRole('button', { name: /Open voting/ }).waitFor({ timeout: 90_000 })
      projector = await room.newPage({ viewport: { width: 1920, height: 1080 } })
      await projector.goto(`${room.deckUrl}/${SLIDE}`)
      await pollSlide(projector).locator('.join-panel__code').waitFor(WAIT)
      for (let index = 0; index < 2; index++)
        phones.push(await room.joinPhone())
    }, 150_000)

    afterAll(() => room?.close())

    it('follows the presenter through results shown and hidden, rounds compared and a poll server crash mid-poll', { timeout: 240_000 }, async () => {
      await step('shows the results to the room only when the presenter says so, and the presenter reads what the room sees', async () => {
        await pollSlide(presenter).getByRole('button', { name: /Open voting/ }).click()
        await phones[0]!.getByRole('button', { name: /Product manager/ }).click()
        await phones[1]!.getByRole('button', { name: /Both, together/ }).click()
        for (const phone of phones)
          await phone.getByText(/^Vote received:/).waitFor(WAIT)
        await pollSlide(projector).locator('.join-panel__counts', { hasText: '2 voted' }).waitFor(WAIT)
        expect(await pollSlide(projector).locator('.result-bars__figure').count()).toBe(0)
        expect(await pollSlide(presenter).locator('.room-sees').textContent()).toContain('question only')

        await pollSlide(presenter).getByRole('button', { name: 'Show results to the room' }).click()
        await pollSlide(projector).locator('.result-bars__figure').first().waitFor(WAIT)
        expect(await pollSlide(projector).locator('.result-bars__figure').allTextContents()).toEqual(['1 · 50%', '0 · 0%', '1 · 50%'])
        // The presenter and the projector get the display from the same broadcast, in two browsers.
        await pollSlide(presenter).locator('.room-sees', { hasText: 'question and results' }).waitFor(WAIT)
        await projector.screenshot({ path: join(RESULTS_DIR, 'projector-results-shown.png') })
        await presenter.screenshot({ path: join(RESULTS_DIR, 'presenter-results-shown.png') })

        await pollSlide(presenter).getByRole('button', { name: 'Hide results' }).click()
        await pollSlide(projector).locator('.result-bars__figure').first().waitFor({ state: 'detached', ...WAIT })
      })

      await step('compares the rounds on the projector when the presenter asks', async () => {
        await presenter.keyboard.press('c')
        await pollSlide(presenter).getByRole('button', { name: 'Start round 2' }).click()
        for (const phone of phones)
          await phone.getByRole('heading', { name: /Round 2: vote again/ }).waitFor(WAIT)
        await phones[0]!.getByRole('button', { name: /Both, together/ }).click()
        await phones[0]!.getByText(/^Vote received:/).waitFor(WAIT)
        await presenter.keyboard.press('c')
        // One control at a time: a key pressed while the last one is on its way is ignored.
        await pollSlide(presenter).locator('.poll-live__status', { hasText: 'Voting closed' }).first().waitFor(WAIT)
        await presenter.keyboard.press('r')
        await pollSlide(projector).locator('.poll-live__status', { hasText: 'Answer revealed · round 2' }).waitFor(WAIT)
        await pollSlide(presenter).getByRole('button', { name: 'Compare rounds for the room' }).click()
        await pollSlide(projector).locator('.result-bars__series', { hasText: 'Round 1' }).first().waitFor(WAIT)
        await pollSlide(presenter).locator('.room-sees', { hasText: 'answer and results, rounds 1 and 2' }).waitFor(WAIT)
        await projector.screenshot({ path: join(RESULTS_DIR, 'projector-rounds-compared.png') })
      })

      // A poll server crash mid-poll.
      await step('shows "reconnecting" on the projector and the phones alike, and recovers without anyone touching anything', async () => {
        await pollSlide(presenter).getByRole('button', { name: 'Reset…' }).click()
        await pollSlide(presenter).getByRole('button', { name: 'Yes, reset poll' }).click()
        await pollSlide(presenter).getByRole('button', { name: /Open voting/ }).click()
        await phones[0]!.getByRole('button', { name: /Project manager/ }).click()
        await phones[0]!.getByText(/^Vote received:/).waitFor(WAIT)
        await pollSlide(projector).locator('.join-panel__counts', { hasText: '1 voted' }).waitFor(WAIT)

        room.server.child.kill('SIGKILL')
        await room.server.exited
        await pollSlide(projector).locator('.poll-live__status', { hasText: 'Voting open · reconnecting…' }).waitFor(WAIT)
        for (const phone of phones)
          await phone.locator('#link', { hasText: 'Reconnecting…' }).waitFor(WAIT)
        // The room keeps the code, the QR code and the last counts; nobody is told to raise hands.
        expect(await pollSlide(projector).locator('.join-panel__counts').textContent()).toMatch(/1\s+voted/)
        expect(await pollSlide(projector).locator('.join-panel__qr').count()).toBe(1)
        expect(await projector.getByText('Live voting is off').count()).toBe(0)
        await projector.screenshot({ path: join(RESULTS_DIR, 'projector-reconnecting.png') })
        await phones[1]!.screenshot({ path: join(RESULTS_DIR, 'phone-reconnecting.png') })

        await room.restartServer()
        await pollSlide(projector).locator('.poll-live__status', { hasText: /^Voting open$/ }).waitFor(WAIT)
        for (const phone of phones)
          await phone.locator('#link', { hasText: 'Connected' }).waitFor(WAIT)
        expect(await phones[0]!.getByRole('button', { name: /Project manager/ }).getAttribute('aria-pressed')).toBe('true')
        await phones[1]!.getByRole('button', { name: /Product manager/ }).click()
        await phones[1]!.getByText(/^Vote received:/).waitFor(WAIT)
        await pollSlide(projector).locator('.join-panel__counts', { hasText: '2 voted' }).waitFor(WAIT)
      })
    })
  })
}
