import type { SpawnedPollServer } from '../../scripts/lib/spawnPollServer'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { descriptorNote, DescriptorWatch, phoneCapacity, SERVER_DESCRIPTOR_RESERVE } from '../../poll/server/descriptorBudget'
import { spawnPollServer } from '../../scripts/lib/spawnPollServer'
import { FIXTURE_SCENARIOS } from './support/childServer'

describe('descriptor budget', () => {
  it('says nothing when the limit holds the expected room', () => {
    expect(descriptorNote({ soft: 4096, hard: 4096 }, 500)).toBeUndefined()
    expect(descriptorNote(undefined, 500)).toBeUndefined()
  })

  it('names the limit, the phones it holds and the command that raises it', () => {
    const note = descriptorNote({ soft: 256, hard: 256 }, 500)
    expect(note).toContain('may open 256 files')
    expect(note).toContain(`about ${256 - SERVER_DESCRIPTOR_RESERVE} phones`)
    expect(note).toContain('ulimit -n 4096')
    expect(descriptorNote({ soft: 1024, hard: 1024 }, 5000)).toContain(`ulimit -n ${5000 + SERVER_DESCRIPTOR_RESERVE}`)
  })

  it('warns once as sockets near the limit, and again only after they fell well below it', () => {
    const warn = vi.fn()
    const watch = new DescriptorWatch({ soft: 164, hard: 164 }, warn)
    const capacity = phoneCapacity({ soft: 164, hard: 164 })
    for (let open = 1; open <= capacity; open++)
      watch.check(open)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toContain(`${Math.ceil(capacity * 0.9)} sockets open`)
    watch.check(capacity - 5)
    expect(warn).toHaveBeenCalledTimes(1)
    watch.check(10)
    watch.check(capacity)
    expect(warn).toHaveBeenCalledTimes(2)
  })
})

describe.skipIf(process.platform === 'win32')('a poll server under a low open-file limit', () => {
  // Windows has no ulimit; libuv does not cap sockets there the same way.
  let server: SpawnedPollServer | undefined
  let dataDir: string | undefined
  const sockets: WebSocket[] = []
  afterEach(async () => {
    sockets.splice(0).forEach(socket => socket.terminate())
    server?.child.kill('SIGTERM')
    await server?.exited
    if (dataDir)
      rmSync(dataDir, { recursive: true, force: true })
  })

  it('prints the limit with the fix at start, and warns in its log before phones start failing', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'fd-limit-'))
    server = await spawnPollServer({ dataDir, session: 'fd', scenarios: FIXTURE_SCENARIOS, fileLimit: 160 })
    expect(server.output()).toMatch(/may open 160 files, so about 96 phones can connect \(you expect 500\)\. Raise the limit, then restart: ulimit -n 4096/)

    const url = `ws://127.0.0.1:${server.port}/ws`
    for (let i = 0; i < 90; i++) {
      const socket = new WebSocket(url)
      sockets.push(socket)
      await new Promise((resolve, reject) => {
        socket.once('open', resolve)
        socket.once('error', reject)
      })
    }
    await vi.waitUntil(() => server!.output().includes('sockets open, near this process\'s limit of about 96'), { timeout: 5000 })
  })
})
