import type { TestServer } from './support/testServer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { controlActions, PROTOCOL_VERSION } from '../../poll/protocol'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

let t: TestServer
let deck: TestSocket
beforeAll(async () => {
  t = await startTestServer()
  deck = await TestSocket.presenter(t.wsUrl, t.token)
})
afterAll(async () => {
  deck.close()
  await t.stop()
})

// Put the three polls in every non-draft state, so each refusal is tried against each.
const setups: [string, string[]][] = [
  ['roadmap-question', ['open']],
  ['slipping-date', ['open', 'close']],
  ['formula-title', ['open', 'reveal']],
]

describe('a participant socket', () => {
  it('can never open, close, reveal, reset, start a round or select, whatever it sends', async () => {
    for (const [poll, actions] of setups) {
      for (const action of actions)
        await deck.control(action, poll)
    }
    const phone = await TestSocket.participant(t.wsUrl, t.code)
    const before = await t.state()
    for (const poll of [...setups.map(([id]) => id), 'no-such-poll']) {
      for (const action of [...controlActions, 'select'])
        expect(await phone.control(action, poll), `${action} ${poll}`).toMatchObject({ type: 'error', code: 'forbidden' })
      // Smuggling the token (or anything else) into a control message only makes it malformed.
      phone.send({ type: 'control', id: 'smuggle', action: 'reset', poll, token: t.token })
      expect(await phone.next('error')).toMatchObject({ code: 'bad-message', id: 'smuggle' })
    }
    expect(await phone.control('select', null)).toMatchObject({ type: 'error', code: 'forbidden' })
    expect(await t.state()).toBe(before)
  })

  it('cannot become a presenter with the join code, a mixed hello, or a second hello', async () => {
    const before = await t.state()
    const attempts = [
      { type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', token: t.code },
      { type: 'hello', v: PROTOCOL_VERSION, role: 'presenter', code: t.code, device: randomDevice() },
      { type: 'hello', v: PROTOCOL_VERSION, role: 'participant', code: t.code, device: randomDevice(), token: t.token },
    ]
    for (const hello of attempts) {
      const socket = await TestSocket.open(t.wsUrl)
      socket.send(hello)
      expect((await socket.next('error')).code).toMatch(/^(?:bad-token|bad-message)$/)
      socket.send({ type: 'control', id: 'c1', action: 'reset', poll: 'roadmap-question' })
      const answer = await Promise.race([socket.closed.then(() => 'closed'), socket.next('error').then(error => error.code)])
      expect(['closed', 'not-joined']).toContain(answer)
      socket.close()
    }
    expect(await t.state()).toBe(before)
  })
})
