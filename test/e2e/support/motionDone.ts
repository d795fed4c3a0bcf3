import type { Page } from 'playwright-core'

/**
 * Resolves once nothing on the page is moving: transitions, click reveals and fades have
 * ended (endless animations aside), and Vue has dropped its transition classes. Waiting
 * on this instead of a fixed delay is both faster and safe on a loaded machine.
 */
export async function motionDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every(animation => animation.playState !== 'running' || animation.effect?.getComputedTiming().endTime === Infinity)
    && !document.querySelector('[class*="-enter-"], [class*="-leave-"]'), undefined, { timeout: 20_000 })
}
