// Polls without a right answer, end to end: the presenter view, a projector and three
// phones through the opening word cloud (typed answers reach the projector only once the
// presenter approves them; one is hidden) and the self-placement scale (a histogram with
// the median), then the session's results export. Screenshots in test-results/prompt-polls/.
import type { Page } from 'playwright-core'
import type { SharedRoom } from './support/sharedRoom'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { resultsMain } from '../../scripts/lib/resultsCli'
import { runInProcess } from '../support/runInProcess'
import { promptSlideNumber } from './support/pollSlide'
import { openSharedRoom } from './support/sharedRoom'
import { step } from './support/step'

const SHOTS_DIR = join(KIT_ROOT, 'test-results', 'prompt-polls')
const WAIT = { timeout: 20_000 }
const SESSION = 'e2e-prompts'
const OPEN_POLL = 'one-word-for-project-managers'
const SCALE_POLL = 'where-are-you-today'

let room: SharedRoom
let presenter: Page
let projector: Page
const phones: Page[] = []

/** The live poll on slide `slide` (other slides may be preloaded, hidden). */
function promptOn(page: Page, slide: number) {
  return page.locator(`.slidev-page-${slide} .prompt-live`).first()
}

/** Presenter view and projector both on `slide`, the presenter's controls ready. */
async function showSlide(slide: number): Promise<void> {
  await presenter.goto(`${room.deckUrl}/presenter/${slide}`)
  await promptOn(presenter, slide).getByRole('button', { name: /Open voting/ }).waitFor({ timeout: 90_000 })
  await projector.goto(`${room.deckUrl}/${slide}`)
  await promptOn(projector, slide).locator('.join-panel__code').waitFor(WAIT)
}

/** Registered by sharedDeck.test.ts: it drives the shared deck on its one poll port. */
export function promptPollTests(): void {
  // One session, in the order a room lives it: each step works on the answers the step before left.
  describe('polls without a right answer', () => {
    beforeAll(async () => {
      mkdirSync(SHOTS_DIR, { recursive: true })
      room = await openSharedRoom(SESSION)
      // The presenter view and the projector in two profiles, as on two computers.
      presenter = await room.newPage({ viewport: { width: 1920, height: 1080 } })
      projector = await room.newPage({ viewport: { width: 1920, height: 1080 } })
      for (let index = 0; index < 3; index++)
        phones.push(await room.joinPhone())
    }, 150_000)

    afterAll(() => room?.close())

    it('runs a moderated word cloud and a scale from the presenter view to the projector, three phones and the results export', { timeout: 240_000 }, async () => {
      const openSlide = await promptSlideNumber(OPEN_POLL)
      const scaleSlide = await promptSlideNumber(SCALE_POLL)
      const typed = ['Planning', 'Deadlines', 'Herding cats']

      await step('takes typed answers from the phones to the presenter\'s queue, and none to the projector', async () => {
        await showSlide(openSlide)
        await promptOn(presenter, openSlide).getByRole('button', { name: /Open voting/ }).click()
        for (const [index, phone] of phones.entries()) {
          await phone.getByLabel('Your answer').fill(`  ${typed[index]}  `)
          await phone.getByRole('button', { name: 'Send' }).click()
          // Listed as the server stored it (trimmed), once the server has it.
          await phone.locator('.mine li', { hasText: typed[index] }).waitFor(WAIT)
        }
        const queue = promptOn(presenter, openSlide).locator('.moderation')
        await queue.locator('.moderation__count[data-status="pending"]', { hasText: 'Pending 3' }).waitFor(WAIT)
        // Even with results shown, the room sees nothing that has not been approved.
        await promptOn(presenter, openSlide).getByRole('button', { name: 'Show results to the room' }).click()
        await promptOn(presenter, openSlide).getByRole('button', { name: 'Hide results' }).waitFor(WAIT)
        // Until something is approved there is nothing for the room to see.
        expect(await promptOn(presenter, openSlide).locator('.room-sees').textContent()).toContain('question only')
        expect(await promptOn(projector, openSlide).locator('.word-cloud__word').count()).toBe(0)
        expect(await projector.getByText('Herding cats').count()).toBe(0)
      })

      await step('shows on the projector only what the presenter approved: one answer hidden, the rest approved at once', async () => {
        const queue = promptOn(presenter, openSlide).locator('.moderation')
        await queue.getByRole('button', { name: 'Hide “Herding cats”' }).click()
        await queue.locator('.moderation__count[data-status="hidden"]', { hasText: 'Hidden 1' }).waitFor(WAIT)
        await queue.getByRole('button', { name: 'Approve all pending' }).click()
        const words = promptOn(projector, openSlide).locator('.word-cloud__word')
        await words.nth(1).waitFor(WAIT)
        expect((await words.allTextContents()).sort()).toEqual(['Deadlines', 'Planning'])
        expect(await projector.getByText('Herding cats').count()).toBe(0)
        await projector.screenshot({ path: join(SHOTS_DIR, 'projector-word-cloud.png') })
        await presenter.screenshot({ path: join(SHOTS_DIR, 'presenter-moderation.png') })
      })

      await step('draws the scale as a histogram with its median once the presenter reveals it', async () => {
        await showSlide(scaleSlide)
        await promptOn(presenter, scaleSlide).getByRole('button', { name: /Open voting/ }).click()
        const picks = ['2', '4', '4']
        for (const [index, phone] of phones.entries()) {
          await phone.getByRole('radio', { name: new RegExp(`^${picks[index]}\\b`) }).click()
          await phone.getByText(new RegExp(`^Answer received: ${picks[index]}\\b`)).waitFor(WAIT)
        }
        await promptOn(projector, scaleSlide).locator('.join-panel__counts', { hasText: '3' }).waitFor(WAIT)
        await presenter.keyboard.press('c')
        await promptOn(presenter, scaleSlide).locator('.prompt-live__status', { hasText: /closed/i }).first().waitFor(WAIT)
        await presenter.keyboard.press('r')
        const histogram = promptOn(projector, scaleSlide).locator('.scale-histogram')
        await histogram.waitFor(WAIT)
        await histogram.getByText(/Median/).first().waitFor(WAIT)
        const points = await histogram.locator('.scale-histogram__point').evaluateAll(nodes => nodes.map(node => node.getAttribute('aria-label') ?? ''))
        expect(points).toHaveLength(7)
        expect(points[1]).toMatch(/\b1\b/)
        expect(points[3]).toMatch(/\b2\b/)
        await projector.screenshot({ path: join(SHOTS_DIR, 'projector-scale.png') })
        await phones[0]!.screenshot({ path: join(SHOTS_DIR, 'phone-scale-revealed.png') })
      })

      await step('exports the scale\'s counts and median and the approved answers only', async () => {
        const exported = await runInProcess(resultsMain, ['--session', SESSION, '--data-dir', room.dataDir, '--format', 'json'])
        expect(exported.code, exported.stderr).toBe(0)
        const results = JSON.parse(exported.stdout) as { scales: { id: string, rounds: { counts: number[], median: number | null }[] }[], openPolls: { id: string, rounds: { approved: { text: string, approved: boolean }[] }[] }[] }
        const scale = results.scales.find(poll => poll.id === SCALE_POLL)!
        expect(scale.rounds[0]).toMatchObject({ counts: [0, 1, 0, 2, 0, 0, 0], median: 4 })
        const open = results.openPolls.find(poll => poll.id === OPEN_POLL)!
        expect(open.rounds[0]!.approved.map(answer => answer.text).sort()).toEqual(['Deadlines', 'Planning'])
        expect(open.rounds[0]!.approved.every(answer => answer.approved)).toBe(true)
        expect(exported.stdout).not.toContain('Herding cats')
      })
    })
  })
}
