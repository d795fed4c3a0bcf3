import type { TestServer } from './support/testServer'
import process from 'node:process'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { PROTOCOL_VERSION } from '../../poll/protocol'
import { isLoopbackAddress as isLoopback } from '../../poll/server/originPolicy'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

let t: TestServer
const sockets: TestSocket[] = []
beforeEach(async () => {
  t = await startTestServer({ addressLimits: { maxOpen: 5, maxWaiting: 2, exemptLoopback: false } })
})
afterEach(async () => {
  sockets.splice(0).forEach(socket => socket.close())
  await t.stop()
})

async function open(): Promise<TestSocket> {
  const socket = await TestSocket.open(t.wsUrl)
  sockets.push(socket)
  return socket
}

/** Resolves once the server has seen `socket` say hello (its snapshot arrived). */
async function hello(socket: TestSocket): Promise<void> {
  socket.send({ type: 'hello', v: PROTOCOL_VERSION, role: 'participant', device: randomDevice(), code: t.code })
  await socket.next('snapshot')
}

describe('loopback', () => {
  it.each(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'])('treats %s as this machine', address => expect(isLoopback(address)).toBe(true))
  it.each(['192.168.1.20', '::ffff:10.0.0.5', 'fe80::1', '1270.0.0.1'])('treats %s as another machine', address => expect(isLoopback(address)).toBe(false))

  it('leaves this machine uncapped by default (the deck, a local proxy, the benchmark)', async () => {
    const uncapped = await startTestServer({ addressLimits: { maxOpen: 1, maxWaiting: 1 } })
    const local = await Promise.all([TestSocket.open(uncapped.wsUrl), TestSocket.open(uncapped.wsUrl), TestSocket.open(uncapped.wsUrl)])
    local.forEach(socket => socket.close())
    await uncapped.stop()
  })
})

describe('per-address socket limits', () => {
  it('refuses more silent sockets from one address than the cap, and frees a place when one says hello', async () => {
    const [first] = [await open(), await open()]
    await expect(TestSocket.open(t.wsUrl)).rejects.toThrowError('HTTP 429')
    await hello(first!)
    sockets.push(await TestSocket.open(t.wsUrl))
  })

  it('caps the open sockets of one address, and takes a new one once one closes', async () => {
    for (let index = 0; index < 5; index++)
      await hello(await open())
    await expect(TestSocket.open(t.wsUrl)).rejects.toThrowError('HTTP 429')
    const leaving = sockets.pop()!
    leaving.close()
    await leaving.closed
    // The server counts the close when its side of the socket closes.
    await expect.poll(async () => {
      try {
        const again = await TestSocket.open(t.wsUrl)
        sockets.push(again)
        return 'open'
      }
      catch {
        return 'refused'
      }
    }).toBe('open')
  })

  // Linux only: it needs a second loopback address, which macOS and Windows do not answer on by default.
  it.runIf(process.platform === 'linux')('limits only the address that fills its places: another address still gets in', async () => {
    for (let index = 0; index < 5; index++)
      await hello(await open())
    await expect(TestSocket.open(t.wsUrl)).rejects.toThrowError('HTTP 429')
    // 127.0.0.2: a second address on this machine, like a second phone.
    const other = new WebSocket(t.wsUrl, { localAddress: '127.0.0.2' })
    await new Promise<void>((resolve, reject) => {
      other.once('open', () => resolve())
      other.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)))
      other.once('error', reject)
    })
    other.close()
  })
})
