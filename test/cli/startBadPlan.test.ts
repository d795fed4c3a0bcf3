// `npm start -- --plan NAME` no longer reads the plans file itself (so Slidev starts at
// once): the poll server checks the plan, and a wrong one must still stop both with the
// reason on screen rather than leave a deck running on the wrong plan.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { START_NODE_ARGS } from '../../scripts/lib/spawnPollServer'
import { freePort } from '../e2e/support/startKit'

const dataDir = mkdtempSync(join(tmpdir(), 'start-bad-plan-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('npm start with a plan that does not exist', () => {
  it('says which plans there are, stops the deck it started, and exits with an error', async () => {
    const deckPort = await freePort()
    const child = spawn(process.execPath, [...START_NODE_ARGS, '--host', '127.0.0.1', '--port', '0', '--deck-port', String(deckPort), '--data-dir', dataDir, '--plan', '45'], {
      cwd: KIT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
    })
    let output = ''
    child.stdout.on('data', (chunk: Uint8Array) => output += String(chunk))
    child.stderr.on('data', (chunk: Uint8Array) => output += String(chunk))
    const code = await new Promise<number | null>(resolve => child.on('exit', resolve))
    expect(code, output).toBe(1)
    expect(output).toContain('plans/session-plans.yaml:1:1  has no plan "45"; use one of: 60, 90')
    expect(output).toContain('Stopped the poll server and the deck.')
    expect(output).not.toContain('Deck: http')
    // Nothing is left listening on the deck's port.
    await expect(fetch(`http://localhost:${deckPort}`)).rejects.toThrow()
  }, 60_000)
})
