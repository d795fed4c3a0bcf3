// The benchmarks and the end-to-end tests launch the kit from these argument lists; the
// figures they publish hold for users only while package.json runs the very same thing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { POLL_SERVER_NODE_ARGS, START_NODE_ARGS } from '../../scripts/lib/spawnPollServer'

const scripts = (JSON.parse(readFileSync(join(KIT_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

describe('how the kit is launched', () => {
  it('runs npm start exactly as bench:start and the end-to-end tests start it', () => {
    expect(scripts.start).toBe(`node ${START_NODE_ARGS.join(' ')}`)
  })

  it('runs npm run poll-server exactly as bench:polls and npm start host the server', () => {
    expect(scripts['poll-server']).toBe(`node ${POLL_SERVER_NODE_ARGS.join(' ')}`)
  })
})
