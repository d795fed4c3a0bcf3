// @vitest-environment happy-dom
// The deck's own link: the presenter route's tab says `moderator: true` in its hello, a
// projector window (any other route) does not, and a tab that moves to the presenter route
// says hello again as moderator.
import { mount } from '@vue/test-utils'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { usePollConnection } from '../../composables/usePollConnection'
import { slide } from './support/slidevClient'

vi.mock('@slidev/client', () => import('./support/slidevClient'))

/** A browser WebSocket stand-in that records what the deck sends. */
const hellos: Record<string, unknown>[] = []
class RecordingSocket {
  readyState = 0
  onopen: ((event: unknown) => void) | null = null
  onmessage: ((event: unknown) => void) | null = null
  onclose: ((event: unknown) => void) | null = null
  onerror: ((event: unknown) => void) | null = null
  constructor(readonly url: string) {
    queueMicrotask(() => {
      this.readyState = 1
      this.onopen?.({})
    })
  }

  send(data: string): void {
    const message: unknown = JSON.parse(data)
    if (typeof message === 'object' && message !== null && 'type' in message && message.type === 'hello')
      hellos.push({ ...message })
  }

  close(): void {
    this.readyState = 3
  }
}

vi.stubGlobal('WebSocket', RecordingSocket)
vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ token: 'deck-token' }), { headers: { 'content-type': 'application/json' } }))
afterAll(() => vi.unstubAllGlobals())

const Slide = defineComponent({
  setup() {
    usePollConnection()
    return () => h('div')
  },
})

describe('the hello of the deck\'s poll link', () => {
  it('leaves moderator out in a projector window, and says it once the tab is on the presenter route', async () => {
    Object.assign(slide, { presenter: false })
    mount(Slide).unmount()
    await vi.waitUntil(() => hellos.length === 1)
    expect(hellos[0]).toMatchObject({ type: 'hello', role: 'presenter', token: 'deck-token' })
    expect(hellos[0]).not.toHaveProperty('moderator')

    Object.assign(slide, { presenter: true })
    mount(Slide).unmount()
    await vi.waitUntil(() => hellos.length === 2)
    expect(hellos[1]).toMatchObject({ type: 'hello', role: 'presenter', token: 'deck-token', moderator: true })
  })
})
