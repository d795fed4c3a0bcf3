// `npm start` as a trainer runs it: the poll server and the Slidev deck started side by
// side and wired to each other, the join banner once both answer, Ctrl-C stopping both.
// The room's side of a live poll (presenter view, phones, reveal) is test/e2e/livePoll.ts,
// on the e2e project's shared deck; this file checks only the wiring, so it needs no
// browser and no second compile of the deck.
import type { RunningKit } from '../e2e/support/startKit'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, PRESENTER_TOKEN_PATH } from '../../poll/protocol'
import { START_NODE_ARGS } from '../../scripts/lib/spawnPollServer'
import { freePort, startKit } from '../e2e/support/startKit'

const dataDir = mkdtempSync(join(tmpdir(), 'npm-start-'))
let kit: RunningKit | undefined
afterAll(async () => {
  await kit?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function refused(url: string): Promise<boolean> {
  return fetch(url, { signal: AbortSignal.timeout(2000) }).then(() => false, () => true)
}

describe('npm start', () => {
  it('starts the poll server and the deck wired to each other, prints the join banner, and stops both on Ctrl-C', async () => {
    kit = await startKit({ dataDir, session: 'npm-start' })
    expect(kit.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`))
    expect(kit.output()).toContain(`presenter view: ${kit.deckUrl}/presenter`)

    // A phone scanning the QR code gets the vote page.
    const phone = await fetch(kit.joinUrl)
    expect(phone.status).toBe(200)
    expect(await phone.text()).toContain('<title>Live poll</title>')

    // The deck was told where this poll server is: Vite serves the deck's poll connection with it.
    const pollPort = new URL(kit.pollUrl).port
    const connection = await (await fetch(`${kit.deckUrl}/composables/usePollConnection.ts`)).text()
    expect(connection).toContain(`"VITE_POLL_SERVER_URL": "http://localhost:${pollPort}"`)

    // The poll server was told where the deck is: it hands the presenter token to that origin alone.
    const token = await fetch(`http://localhost:${pollPort}${PRESENTER_TOKEN_PATH}`, { headers: { origin: kit.deckUrl } })
    expect(token.status).toBe(200)
    expect((await token.json() as { token: string }).token).toMatch(/\S{20,}/)
    const stranger = await fetch(`http://localhost:${pollPort}${PRESENTER_TOKEN_PATH}`, { headers: { origin: 'http://localhost:1' } })
    expect(stranger.status).toBe(403)

    await kit.stop()
    expect(kit.output()).toContain('Stopped the poll server and the deck.')
    expect(await refused(kit.deckUrl)).toBe(true)
    expect(await refused(kit.pollUrl)).toBe(true)
  }, 120_000)

  // npm start does not read the plans file itself (so Slidev starts at once): the poll
  // server checks the plan, and a wrong one must still stop both with the reason on screen.
  it('says which plans there are when --plan names none, stops the deck it started, and exits with an error', async () => {
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
    expect(await refused(`http://localhost:${deckPort}`)).toBe(true)
  }, 60_000)
})
