import type { Socket } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { UserFacingError } from '../../lib/userFacingError'
import { startTestServer } from './support/testServer'
import { TestSocket } from './support/testSocket'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true })
})

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

describe('poll server lifecycle', () => {
  it('shuts down although a phone that left the Wi-Fi never answers the close handshake', { timeout: 10_000 }, async () => {
    const t = await startTestServer()
    const gone = await TestSocket.participant(t.wsUrl, t.code)
    // Stop reading: the phone neither sees nor answers the server's close frame.
    ;(gone.ws as unknown as { _socket: Socket })._socket.pause()
    await t.stop()
    expect(await portIsFree(t.server.port)).toBe(true)
  })

  it('frees its port and says the stored poll is damaged when a session cannot be loaded', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'poll-damaged-'))
    dirs.push(dataDir)
    const first = await startTestServer({ dataDir })
    const deck = await TestSocket.presenter(first.wsUrl, first.token)
    await deck.control('open', 'roadmap-question')
    deck.close()
    const port = first.server.port
    await first.stop()

    const db = new Database(join(dataDir, 'polls.sqlite'))
    db.prepare('UPDATE polls SET definition = ?').run('{not json')
    db.close()

    await expect(startTestServer({ dataDir, port })).rejects.toThrowError(UserFacingError)
    expect(await portIsFree(port)).toBe(true)
  })
})
