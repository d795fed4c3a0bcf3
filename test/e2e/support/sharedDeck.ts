// The e2e project's global setup: one Slidev dev server and one Chromium for every e2e
// file, started once (a cold deck compile and a browser start each file would otherwise
// pay). The deck points at a poll port reserved here; the suites that drive the deck run
// one after the other in test/e2e/sharedDeck.test.ts and each starts its own poll server
// on that port. Values reach the test files through provide/inject.
import type { TestProject } from 'vitest/node'
import type { RunningDeck } from './startDeck'
import process from 'node:process'
import { chromium } from 'playwright-core'
import { findBrowser, HEADLESS_BROWSER_ARGS } from '../../../lib/findBrowser'
import { startDeck } from './startDeck'
import { freePort } from './startKit'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Slidev dev server, e.g. `http://localhost:41234`; it may still be starting (deckAnswers). */
    deckUrl: string
    /** The port the shared deck expects its poll server on. */
    deckPollPort: number
    /** The shared Chromium, for chromium.connect(). */
    browserWsEndpoint: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const browserServer = await chromium.launchServer({ executablePath: findBrowser(), args: [...HEADLESS_BROWSER_ARGS] })
  let deck: RunningDeck
  try {
    const pollPort = await freePort()
    // Not waited for here: every project's global setup finishes before any file runs.
    deck = await startDeck({ pollUrl: `http://localhost:${pollPort}` })
    project.provide('deckUrl', deck.url)
    project.provide('deckPollPort', pollPort)
    project.provide('browserWsEndpoint', browserServer.wsEndpoint())
  }
  catch (error) {
    await browserServer.close()
    throw error
  }
  let stopping = false
  // A deck that dies on its own leaves the suites waiting for it; say why.
  void deck.exited.then((code) => {
    if (!stopping)
      process.stderr.write(`The shared Slidev deck exited (code ${code}):\n${deck.output()}\n`)
  })
  return async () => {
    stopping = true
    await browserServer.close()
    await deck.stop()
  }
}
