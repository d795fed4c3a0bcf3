import type { SpawnedPollServer } from '../../../scripts/lib/spawnPollServer'
import { join } from 'node:path'
import { KIT_ROOT } from '../../../lib/kitPaths'
import { spawnPollServer } from '../../../scripts/lib/spawnPollServer'

export const FIXTURE_SCENARIOS = join(KIT_ROOT, 'test/poll/fixtures/scenarios')

/** `npm run poll-server` as a child process on loopback, with the fixture scenarios. */
export function startChildServer(dataDir: string, port = 0): Promise<SpawnedPollServer> {
  return spawnPollServer({ dataDir, port, session: 'crash-test', scenarios: FIXTURE_SCENARIOS })
}
