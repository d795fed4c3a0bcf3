// The suites that drive the shared deck (support/sharedDeck.ts). Each starts its own
// poll server on the one port the deck points at, so they run here, one after the other,
// while the other test files run beside them.
import { beforeAll, inject, vi } from 'vitest'
import { livePollTests } from './livePoll'
import { projectorTests } from './projector'
import { promptPollTests } from './promptPolls'
import { roomSyncTests } from './roomSync'
import { deckAnswers } from './support/startDeck'

// The global setup does not wait for the deck to boot; the other files run meanwhile.
beforeAll(async () => {
  const url = inject('deckUrl')
  await vi.waitUntil(() => deckAnswers(url), { timeout: 90_000, interval: 300 })
}, 120_000)

projectorTests()
roomSyncTests()
promptPollTests()
livePollTests()
