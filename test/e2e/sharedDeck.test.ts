// The two suites that drive the shared deck (support/sharedDeck.ts). Each starts its own
// poll server on the one port the deck points at, so they run here, one after the other,
// while the other test files run beside them.
import { projectorTests } from './projector'
import { roomSyncTests } from './roomSync'

projectorTests()
roomSyncTests()
